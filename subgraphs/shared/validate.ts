import { badUserInput } from './errors';

/** Input checks shared by mutations; each failure names the field. */
export function requiredText(field: string, value: string | null | undefined, min = 1, max = 500): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badUserInput(field, `${field} must be between ${min} and ${max} characters`);
  }
  return trimmed;
}

export function identifier(field: string, value: string | null | undefined): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.:-]{1,100}$/.test(value)) {
    throw badUserInput(field, `${field} is not a valid id`);
  }
  return value;
}

/** A whole number in [min, max]; BAD_USER_INPUT naming the field otherwise. */
export function intBetween(field: string, value: number | null | undefined, min: number, max: number): number {
  if (!Number.isInteger(value) || value! < min || value! > max) throw badUserInput(field, `${field} must be ${min} to ${max}`);
  return value!;
}

/** The first year of the Wmo 2015: no budget, norm or rate lies before it. */
export const EERSTE_JAAR = 2015;

export function checkJaar(jaar: number, field = 'jaar'): number {
  if (!Number.isInteger(jaar) || jaar < EERSTE_JAAR || jaar > 2100) {
    throw badUserInput(field, `${field} must be a year between ${EERSTE_JAAR} (start of the Wmo 2015) and 2100`);
  }
  return jaar;
}
