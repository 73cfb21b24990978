// CIDR blocks as written (the address before masking, whether a prefix was written), for the IP
// range suggestions; the address is read by the shared reader in ../../iam/ip.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
import { isIP } from 'node:net';
import { parseIpv4, parseIpv6 } from '../../iam/ip';

export interface Cidr {
  version: 4 | 6;
  /** The address as written, as a number. */
  address: bigint;
  /** Prefix length (32 or 128 when none is written). */
  bits: number;
  hasPrefix: boolean;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const version = isIP(addressText);
  if (version !== 4 && version !== 6) return undefined;
  const width = version === 4 ? 32 : 128;
  let bits = width;
  if (slash >= 0) {
    const b = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(b) || Number(b) > width) return undefined;
    bits = Number(b);
  }
  const address = version === 4 ? parseIpv4(addressText) : parseIpv6(addressText);
  if (address === undefined) return undefined;
  return { version, address, bits, hasPrefix: slash >= 0 };
}

function hostMask(c: Cidr): bigint {
  const width = c.version === 4 ? 32 : 128;
  return (1n << BigInt(width - c.bits)) - 1n;
}

/** The network address when bits after the prefix are set, else undefined. */
export function normalizedCidr(c: Cidr): string | undefined {
  const mask = hostMask(c);
  if ((c.address & mask) === 0n) return undefined;
  return `${formatAddress(c.version, c.address & ~mask)}/${c.bits}`;
}

export function formatAddress(version: 4 | 6, n: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** Private ranges: RFC 1918 for IPv4, unique local addresses (fc00::/7) for IPv6. */
const PRIVATE: ReadonlyArray<{ version: 4 | 6; text: string }> = [
  { version: 4, text: '10.0.0.0/8' },
  { version: 4, text: '172.16.0.0/12' },
  { version: 4, text: '192.168.0.0/16' },
  { version: 6, text: 'fc00::/7' },
];
const PRIVATE_CIDRS = PRIVATE.map((p) => parseCidr(p.text)!);

/** Whether every address of the block lies in a private range. */
export function isPrivateCidr(c: Cidr): boolean {
  return PRIVATE_CIDRS.some((p) => p.version === c.version && c.bits >= p.bits && ((c.address ^ p.address) >> BigInt((c.version === 4 ? 32 : 128) - p.bits)) === 0n);
}
