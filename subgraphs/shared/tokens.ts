import type { KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { ROLES, ORGANISATIE_ROLES, DOELEN_PER_ROL, DEFAULT_GEMEENTE, type Rol } from './roles';
import type { ClientKey } from './keys';
import { appError, unauthenticated } from './errors';

/** Who is calling, as every subgraph sees it. Built only from the verified internal token. */
export interface Scope {
  sub: string;
  rol: Rol;
  organisatie: string | null;
  gemeente: string;
  doel: string;
  traceId: string;
  /**
   * At a subgraph: identifies one client request, from the internal token the gateway
   * minted for it (one per client request and subgraph, never seen by the client).
   */
  verzoek?: string;
}

export const INTERNAL_ISSUER = 'wmo-gateway';
/** Each subgraph is its own audience, so a token sent to one cannot be replayed at another. */
export const internalAudience = (subgraph: string) => `wmo-subgraph:${subgraph}`;

const gemeenteCode = z.string().regex(/^GM\d{4}$/);

const clientClaims = z.object({
  sub: z.string().min(1).max(200),
  rol: z.enum(ROLES),
  organisatie: z.string().min(1).max(200).optional(),
  gemeente: gemeenteCode.optional(),
  doel: z.string().min(1).max(100).optional(),
});

export interface ClientAuthOptions {
  key: ClientKey;
  issuer: string;
  audience: string;
  /** Gemeente for tokens without a gemeente claim (DEFAULT_GEMEENTE). */
  defaultGemeente?: string;
}

/**
 * Verifies a client bearer token (RS256/ES256, exp required) and returns the caller's
 * scope. `requestedDoel` comes from the x-doelbinding header and wins over the claim.
 * Every failure is UNAUTHENTICATED without details that help an attacker.
 */
export async function verifyClientToken(
  token: string,
  options: ClientAuthOptions,
  traceId: string,
  requestedDoel?: string,
): Promise<Scope> {
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, options.key as KeyObject, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ['RS256', 'ES256'],
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 5,
    });
    payload = verified.payload as Record<string, unknown>;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Token expired');
    throw unauthenticated('Invalid token');
  }
  const claims = clientClaims.safeParse(payload);
  if (!claims.success) {
    throw unauthenticated(`Invalid token claims: ${claims.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  const { sub, rol, organisatie, gemeente, doel } = claims.data;
  if (ORGANISATIE_ROLES.includes(rol) && !organisatie) {
    throw unauthenticated(`Role ${rol} requires an organisatie claim`);
  }
  const allowed = DOELEN_PER_ROL[rol];
  const chosen = requestedDoel ?? doel ?? allowed[0]!;
  if (!allowed.includes(chosen)) {
    throw appError('FORBIDDEN', `Purpose "${chosen}" is not allowed for role ${rol}`, { allowedDoelen: allowed }, 403);
  }
  return { sub, rol, organisatie: organisatie ?? null, gemeente: gemeente ?? options.defaultGemeente ?? DEFAULT_GEMEENTE, doel: chosen, traceId };
}

export async function signInternalToken(scope: Scope, key: KeyObject, ttlSeconds: number, audience: string): Promise<string> {
  return new SignJWT({ rol: scope.rol, org: scope.organisatie, gem: scope.gemeente, doel: scope.doel, tid: scope.traceId })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(scope.sub)
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

const internalClaims = z.object({
  sub: z.string().min(1),
  rol: z.enum(ROLES),
  org: z.string().nullable(),
  gem: gemeenteCode,
  doel: z.string().min(1),
  tid: z.string().min(1),
});

/** Subgraph side: only a valid, unexpired, recent token minted by the gateway for this subgraph is accepted. */
export async function verifyInternalToken(token: string, key: KeyObject, audience: string, maxAgeSeconds = 65): Promise<Scope> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: INTERNAL_ISSUER,
      audience,
      algorithms: ['ES256'],
      requiredClaims: ['exp', 'sub', 'iat'],
      // Bounds the replay window even if a token was minted with a long expiry.
      maxTokenAge: maxAgeSeconds,
      clockTolerance: 5,
    });
    const c = internalClaims.parse(payload);
    // The signature (ES256 is randomised) tells this token, so this client request, apart.
    const verzoek = token.slice(token.lastIndexOf('.') + 1);
    return { sub: c.sub, rol: c.rol, organisatie: c.org, gemeente: c.gem, doel: c.doel, traceId: c.tid, verzoek };
  } catch {
    throw unauthenticated('Subgraphs accept only requests from the gateway');
  }
}

/** Signs a client token with the dev identity provider key (npm run token, tests). */
export async function signDevClientToken(
  claims: { sub: string; rol: Rol; organisatie?: string; gemeente?: string; doel?: string },
  key: KeyObject,
  options: { issuer: string; audience: string; expiresIn?: string | number },
): Promise<string> {
  const body: Record<string, unknown> = { rol: claims.rol };
  if (claims.organisatie) body.organisatie = claims.organisatie;
  if (claims.gemeente) body.gemeente = claims.gemeente;
  if (claims.doel) body.doel = claims.doel;
  return new SignJWT(body)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
