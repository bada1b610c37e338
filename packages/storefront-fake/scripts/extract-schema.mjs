#!/usr/bin/env node
// Extracts Shopify's published Storefront API schema (the introspection result that
// @shopify/hydrogen-react ships as storefront.schema.json) into ../schema/, with a
// SOURCE.md naming the package version and the Storefront API version it describes.
// `npm pack` fetches the tarball without installing the package (and its React peers).
//
//   node packages/storefront-fake/scripts/extract-schema.mjs [hydrogen-react version]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const version = process.argv[2] ?? '2026.4.4';
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
const work = mkdtempSync(join(tmpdir(), 'storefront-schema-'));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stderr || result.error?.message);
    console.error(`\`${command} ${args.join(' ')}\` failed; check that ${command} is on PATH and the npm registry is reachable.`);
    process.exit(1);
  }
  return result.stdout;
}

try {
  run('npm', ['pack', `@shopify/hydrogen-react@${version}`, '--silent']);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${work}.`);
  const constants = 'package/dist/node-prod/storefront-api-constants.mjs';
  run('tar', ['-xzf', tarball, 'package/storefront.schema.json', 'package/package.json', constants]);

  const packageJson = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8'));
  const apiVersion = /SFAPI_VERSION\s*=\s*"(\d{4}-\d{2})"/.exec(readFileSync(join(work, constants), 'utf8'))?.[1];
  if (!apiVersion) throw new Error(`No SFAPI_VERSION in ${constants}; the package layout changed.`);
  const schema = readFileSync(join(work, 'package/storefront.schema.json'));
  if (!JSON.parse(schema.toString('utf8')).__schema) throw new Error('storefront.schema.json is not an introspection result.');

  writeFileSync(join(schemaDir, 'storefront.schema.json'), schema);
  const sha256 = createHash('sha256').update(schema).digest('hex');
  writeFileSync(
    join(schemaDir, 'SOURCE.md'),
    `# Where storefront.schema.json comes from

Shopify's published Storefront API schema (an introspection result), copied unchanged
from the npm package \`${packageJson.name}@${packageJson.version}\` (file
\`storefront.schema.json\` in its tarball) by \`scripts/extract-schema.mjs\`.

| what | value |
| --- | --- |
| package | \`${packageJson.name}@${packageJson.version}\` |
| Storefront API version | \`${apiVersion}\` (the package's \`SFAPI_VERSION\`) |
| size | ${schema.length} bytes |
| sha256 | \`${sha256}\` |

To move to a newer API version: \`node packages/storefront-fake/scripts/extract-schema.mjs <hydrogen-react version>\`,
then update \`storefrontApiVersion\` in \`src/schema.ts\` and run the tests.
`,
  );
  console.log(`Wrote schema/storefront.schema.json (${schema.length} bytes, Storefront API ${apiVersion}) from ${packageJson.name}@${packageJson.version}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
