import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Calendar date without time zone, ISO 8601 (YYYY-MM-DD). */
export const Datum = new GraphQLScalarType<string, string>({
  name: 'Datum',
  description: 'Kalenderdatum zonder tijdzone, ISO 8601 (YYYY-MM-DD).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && validDate(value.slice(0, 10))) return value.slice(0, 10);
    throw new GraphQLError('Datum cannot represent this value');
  },
  parseValue(value) {
    if (typeof value === 'string' && validDate(value)) return value;
    throw new GraphQLError('Datum must be a date in the form YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && validDate(ast.value)) return ast.value;
    throw new GraphQLError('Datum must be a date in the form YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

/** The calendar date `n` days after (negative: before) a YYYY-MM-DD date. */
export function plusDagen(datum: string, n: number): string {
  return new Date(Date.parse(`${datum}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Today in Leeuwarden's time zone (Europe/Amsterdam), as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}
