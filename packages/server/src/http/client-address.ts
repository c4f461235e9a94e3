import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

/**
 * The caller's address group, the unit of every per-client limit.
 *
 * Behind `trustedProxies` reverse proxies, each appended the address it
 * received the request from to X-Forwarded-For, so the client's address is
 * that many entries from the right; entries further left are whatever the
 * client chose to send and are ignored. With no trusted proxy, the header is
 * ignored altogether and the socket's address is used.
 *
 * An IPv6 address is grouped by its /64, which one subscriber (a phone, a
 * household) usually holds whole; an IPv4-mapped IPv6 address counts as the
 * IPv4 address it maps.
 */
export function clientAddressOf(request: Request, serverContext: { req?: IncomingMessage }, trustedProxies: number): string {
  const socket = serverContext.req?.socket.remoteAddress;
  if (trustedProxies > 0) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").map((entry) => entry.trim()).filter(Boolean) ?? [];
    const client = forwarded[Math.max(0, forwarded.length - trustedProxies)];
    if (client) return addressGroup(client);
  }
  return socket ? addressGroup(socket) : "unknown";
}

/** "203.0.113.7", or "2001:db8:1:2::/64" for every address of that IPv6 /64. */
export function addressGroup(address: string): string {
  if (!ipaddr.isValid(address)) return `unparsed:${address.slice(0, 64)}`;
  const parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address becomes IPv4
  if (parsed.kind() === "ipv4") return parsed.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${network.toString()}/64`;
}
