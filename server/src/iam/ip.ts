// IPv4 and IPv6 addresses and CIDR blocks as numbers: the one address reader of the engine's
// IpAddress operators, the linter's IP range checks and the offline checks.
// The condition values are "in the standard CIDR format (for example, 203.0.113.0/24 or
// 2001:DB8:1234:5678::/64)":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
// An IPv6 address may end in dotted IPv4 form for its low 32 bits (`::ffff:192.0.2.1`, an
// IPv4-mapped IPv6 address); it is still an IPv6 address (RFC 4291 sections 2.2 and 2.5.5.2,
// https://www.rfc-editor.org/rfc/rfc4291#section-2.2).

export interface IpAddressValue {
  version: 4 | 6;
  value: bigint;
}

export interface IpCidr {
  version: 4 | 6;
  network: bigint;
  prefix: number;
}

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

export function parseIpv6(text: string): bigint | undefined {
  let t = text;
  // A trailing dotted IPv4 address stands for the last 32 bits.
  let tail: bigint | undefined;
  const lastColon = t.lastIndexOf(':');
  if (t.includes('.') && lastColon >= 0) {
    tail = parseIpv4(t.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    t = `${t.slice(0, lastColon + 1)}0:0`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let value = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail !== undefined) value = (value & ~0xffffffffn) | tail;
  return value;
}

export function parseAddress(text: string): IpAddressValue | undefined {
  const t = text.trim();
  if (t.includes(':')) {
    const v6 = parseIpv6(t);
    return v6 === undefined ? undefined : { version: 6, value: v6 };
  }
  const v4 = parseIpv4(t);
  return v4 === undefined ? undefined : { version: 4, value: v4 };
}

export function parseCidr(text: string): IpCidr | undefined {
  const [addressText, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const address = parseAddress(addressText);
  if (!address) return undefined;
  const bits = address.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  const shift = BigInt(bits - prefix);
  return { version: address.version, network: (address.value >> shift) << shift, prefix };
}

export function cidrContains(cidr: IpCidr, address: IpAddressValue): boolean {
  if (cidr.version !== address.version) return false;
  const shift = BigInt((cidr.version === 4 ? 32 : 128) - cidr.prefix);
  return (address.value >> shift) << shift === cidr.network;
}
