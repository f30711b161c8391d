/**
 * GraphQL Code Generator for the example client: types for the operations in
 * operations/*.graphql, from the API schema that api-schema.ts writes. The client preset
 * with documentMode 'string' gives each operation a typed document that is a plain
 * string, so the client needs nothing but fetch. Run from the repository root:
 * `npm run codegen`.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'examples/ts-client/generated/schema.graphql',
  documents: 'examples/ts-client/operations/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'examples/ts-client/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // The only custom scalar: a calendar date as yyyy-mm-dd.
        scalars: { Datum: 'string' },
      },
    },
  },
};

export default config;
