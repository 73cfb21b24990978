// Value checks per operator family, shared by the type-mismatch rules.
import { isIP } from 'node:net';

export function isNumberText(text: string): boolean {
  if (text.length === 0 || text.length > 40) return false;
  return Number.isFinite(Number(text)) && !/^\s|\s$/.test(text) && !/^0x/i.test(text);
}

/** ISO 8601 dates and date-times (the forms Date operators accept) or epoch seconds. */
export function isDateText(text: string): boolean {
  if (/^\d{1,12}$/.test(text)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Epoch seconds: accepted, but Access Analyzer recommends the W3C date format. */
export function isEpochText(text: string): boolean {
  return /^\d{1,12}$/.test(text);
}

/** An IPv4 or IPv6 address with an optional CIDR prefix length. */
export function isCidrText(text: string): boolean {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash < 0) return true;
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

export function isBase64Text(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

export function isBoolText(text: string): boolean {
  const lower = text.toLowerCase();
  return lower === 'true' || lower === 'false';
}

/** A value that holds a policy variable is resolved at request time and cannot be checked here. */
export function holdsVariable(text: string): boolean {
  return text.includes('${');
}
