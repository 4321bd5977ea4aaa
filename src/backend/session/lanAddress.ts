import type { NetworkInterfaceInfo } from 'node:os';

/** What `os.networkInterfaces()` returns (a parameter, so tests can pass any machine's). */
export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

// RFC 1918 ranges: where an office or home network puts its computers.
const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2[0-9]|3[01])\./];

/**
 * The address colleagues on the same network can reach this computer at, for an invite
 * link: a private IPv4 address when there is one (the office or home network), else any
 * other external IPv4 address (a VPN such as Tailscale). Loopback and link-local
 * (169.254.x.x, which no other computer can route to) are skipped. Null when offline.
 */
export function pickLanAddress(interfaces: Interfaces): string | null {
  const candidates: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      candidates.push(info.address);
    }
  }
  return candidates.find((a) => PRIVATE_V4.some((range) => range.test(a))) ?? candidates[0] ?? null;
}

/** True for the wildcard addresses that listen on every interface. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}
