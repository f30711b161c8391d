import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { HttpRefusal, sendJson, type RequestTrace, type Route } from '../../subgraphs/shared/http';
import { alsAanroeper, stuurWeigering, Weigering } from './weigering';
import type { Rol } from '../../subgraphs/shared/roles';

/**
 * Trusted documents: the operations partner systems may run, registered by the
 * municipality in a checked-in manifest (schema/trusted-documents.json, written by
 * `npm run documents -- register`, reviewed like code). A request names one by its
 * `documentId` (`sha256:<hex>` of the exact operation text) instead of sending a query.
 *
 * Roles in ONLY_TRUSTED may run nothing else: a raw query, or an id not in the manifest,
 * is refused before planning. Other roles may use ids too, and may still send queries.
 * The manifest has the shape of Apollo's persisted query manifest, plus who registered
 * each operation, when and why.
 */
export const TRUSTED_DOCUMENTS_PATH = fileURLToPath(new URL('../../schema/trusted-documents.json', import.meta.url));

export const ONLY_TRUSTED: ReadonlySet<Rol> = new Set<Rol>(['partner-systeem']);

const operation = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1),
  type: z.enum(['query', 'mutation']),
  body: z.string().min(1),
  geregistreerdDoor: z.string().min(1),
  geregistreerdOp: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  doel: z.string().min(1),
});

const manifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(operation),
});

export type TrustedOperation = z.infer<typeof operation>;
export type Manifest = z.infer<typeof manifest>;

export const documentHash = (body: string) => createHash('sha256').update(body).digest('hex');

export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };
  const parsed = manifest.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`Trusted documents manifest ${path} is invalid: ${parsed.error.issues[0]?.message}`);
  for (const op of parsed.data.operations) {
    if (documentHash(op.body) !== op.id) throw new Error(`Trusted document "${op.name}" in ${path}: id is not the sha256 of its body`);
  }
  return parsed.data;
}

/** Problems of an operation against the API schema: parse and validation errors, one operation, named. */
export function checkOperation(schema: GraphQLSchema, body: string): string[] {
  let document;
  try {
    document = parse(body);
  } catch (error) {
    return [(error as Error).message];
  }
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const problems = validate(schema, document).map((e) => e.message);
  if (operations.length !== 1) problems.push('A trusted document holds exactly one operation');
  else if (!operations[0]!.name) problems.push('A trusted document\'s operation must have a name');
  else if (operations[0]!.operation === 'subscription') problems.push('Subscriptions are not served');
  return problems;
}


const ID = /^(?:sha256:)?([0-9a-f]{64})$/;

export class TrustedDocuments {
  private readonly byId: Map<string, TrustedOperation>;
  /** Requests whose operation came from the manifest (not a query the client sent). */
  private readonly trusted = new WeakSet<IncomingMessage>();

  constructor(readonly manifest: Manifest) {
    this.byId = new Map(manifest.operations.map((op) => [op.id, op]));
  }

  /**
   * Replaces a `documentId` (or Apollo's `extensions.persistedQuery.sha256Hash`) in a
   * POST body by the registered operation text. A body with both an id and a query is
   * refused unless the query is that document; an unknown id is refused.
   */
  resolve(req: IncomingMessage, body: unknown): unknown {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
    const request = body as { documentId?: unknown; query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
    const given = request.documentId ?? request.extensions?.persistedQuery?.sha256Hash;
    if (given === undefined) return body;
    const match = typeof given === 'string' ? ID.exec(given.trim().toLowerCase()) : null;
    if (!match) throw new HttpRefusal(400, 'BAD_USER_INPUT', 'documentId must be "sha256:" followed by 64 hexadecimal characters');
    const document = this.byId.get(match[1]!);
    if (!document) {
      throw new HttpRefusal(400, 'PERSISTED_QUERY_NOT_FOUND', `No registered operation has documentId sha256:${match[1]}; GET /documenten lists them`);
    }
    if (typeof request.query === 'string' && request.query !== document.body) {
      throw new HttpRefusal(400, 'BAD_USER_INPUT', 'Send either a documentId or a query, not a different query with it');
    }
    this.trusted.add(req);
    const { documentId: _id, extensions, ...rest } = request as Record<string, unknown> & { extensions?: Record<string, unknown> };
    const { persistedQuery: _pq, ...otherExtensions } = extensions ?? {};
    return { ...rest, query: document.body, ...(extensions ? { extensions: otherExtensions } : {}) };
  }

  /** Refuses a request of a role that may run registered operations only, when it sent its own. */
  requireTrusted(req: IncomingMessage, rol: Rol): void {
    if (!ONLY_TRUSTED.has(rol) || this.trusted.has(req)) return;
    throw new GraphQLError(
      `The role ${rol} may only run operations registered by the municipality: send {"documentId": "sha256:…", "variables": …} instead of a query; GET /documenten lists them`,
      { extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 403 } } },
    );
  }

  /** The public list: what each registered operation is for and its text, without who registered it. */
  list() {
    return this.manifest.operations.map((op) => ({ documentId: `sha256:${op.id}`, name: op.name, type: op.type, doel: op.doel, body: op.body }));
  }
}

/**
 * GET /documenten: the registered operations, for any authenticated caller (the same
 * token check and rate limit as /graphql). A partner builds its requests from this list.
 */
export function documentListRoute(documents: TrustedDocuments, authenticate: (req: IncomingMessage, trace: RequestTrace) => Promise<unknown>): Route {
  return async (req, res, _url, trace) => {
    req.resume();
    try {
      if (req.method !== 'GET') throw new Weigering(405, 'METHOD_NOT_ALLOWED', 'Only GET is allowed here');
      await alsAanroeper(authenticate, req, trace);
    } catch (error) {
      if (!(error instanceof Weigering)) throw error;
      stuurWeigering(res, error);
      return;
    }
    sendJson(res, 200, { documenten: documents.list() });
  };
}
