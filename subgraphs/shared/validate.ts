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
