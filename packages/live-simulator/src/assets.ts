import { readFileSync } from 'node:fs';

interface Manifest {
  segmentDuration: number;
  codecs: string;
  segments: { file: string; duration: number }[];
}

/** The committed loop: every segment's bytes, read once. */
export interface Loop {
  segments: Buffer[];
  codecs: string;
}

const assetsDir = new URL('../assets/', import.meta.url);

/** Reads the committed segments (made once by scripts/make-segments.sh). */
export function loadLoop(): Loop {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('manifest.json', assetsDir), 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`The live simulator's assets are missing (${error instanceof Error ? error.message : String(error)}); regenerate them with packages/live-simulator/scripts/make-segments.sh.`);
  }
  if (manifest.segmentDuration !== 2 || manifest.segments.some((segment) => segment.duration !== 2)) {
    throw new Error('The live simulator expects 2 s segments; regenerate the assets with scripts/make-segments.sh.');
  }
  return { segments: manifest.segments.map((segment) => readFileSync(new URL(segment.file, assetsDir))), codecs: manifest.codecs };
}
