import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  FieldsOnCorrectTypeRule,
  GraphQLError,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownTypeNamesRule,
  NoDeprecatedCustomRule,
  NoUndefinedVariablesRule,
  NoUnusedVariablesRule,
  OverlappingFieldsCanBeMergedRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  specifiedRules,
  validate,
  ValuesOfCorrectTypeRule,
  VariablesInAllowedPositionRule,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** The Storefront API version that `schema/storefront.schema.json` describes (see schema/SOURCE.md). */
export const storefrontApiVersion = '2026-04';

let schema: GraphQLSchema | undefined;

/** Shopify's published Storefront API schema, built once (about 60 ms) on first use. */
export function storefrontSchema(): GraphQLSchema {
  if (!schema) {
    // From src/ (tests) and dist/ (the build) alike, the schema is one folder up.
    const file = new URL('../schema/storefront.schema.json', import.meta.url);
    const introspection = JSON.parse(readFileSync(file, 'utf8')) as IntrospectionQuery;
    schema = buildClientSchema(introspection);
  }
  return schema;
}

/**
 * `extensions.code` of a validation error. Shopify runs graphql-ruby, whose static
 * validation errors carry these codes for the common mistakes; any other rule answers
 * `GRAPHQL_VALIDATION_FAILED`. `deprecated` is the fake's own: Shopify accepts deprecated
 * fields, the fake refuses them so that our code never comes to depend on one.
 */
const ruleCodes = new Map<ValidationRule, string>([
  [FieldsOnCorrectTypeRule, 'undefinedField'],
  [KnownArgumentNamesRule, 'argumentNotAccepted'],
  [ProvidedRequiredArgumentsRule, 'missingRequiredArguments'],
  [KnownTypeNamesRule, 'undefinedType'],
  [KnownDirectivesRule, 'undefinedDirective'],
  [NoUndefinedVariablesRule, 'variableNotDefined'],
  [NoUnusedVariablesRule, 'variableNotUsed'],
  [ScalarLeafsRule, 'selectionMismatch'],
  [ValuesOfCorrectTypeRule, 'argumentLiteralsIncompatible'],
  [VariablesInAllowedPositionRule, 'variableMismatch'],
  [OverlappingFieldsCanBeMergedRule, 'fieldConflict'],
  [NoDeprecatedCustomRule, 'deprecated'],
]);

/** Wraps a rule so that each error it reports carries `extensions.code`. */
function coded(rule: ValidationRule): ValidationRule {
  const code = ruleCodes.get(rule) ?? 'GRAPHQL_VALIDATION_FAILED';
  return (context) => {
    // The rule sees the real context through the prototype chain, except for reportError.
    const reporting = Object.create(context) as ValidationContext;
    reporting.reportError = (error) => context.reportError(withCode(error, code));
    return rule(reporting);
  };
}

const rules = [...specifiedRules, NoDeprecatedCustomRule].map(coded);

/** The document's validation errors against the Storefront schema, deprecated fields, arguments and enum values included. */
export function validateStorefrontDocument(document: DocumentNode): readonly GraphQLError[] {
  return validate(storefrontSchema(), document, rules);
}

export function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions: { ...error.extensions, code },
  });
}
