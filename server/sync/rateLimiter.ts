/**
 * A fixed-window counter per address: allows `limit` attempts a minute. Connection attempts are limited
 * before authentication, so guessing tokens or flooding the sync endpoint costs the attacker, not us.
 */
export function createRateLimiter(limit: number, windowMs = 60_000): (key: string, now?: number) => boolean {
  const windows = new Map<string, { start: number; count: number }>();
  return (key, now = Date.now()) => {
    const current = windows.get(key);
    if (!current || now - current.start >= windowMs) {
      if (windows.size > 10_000) windows.clear();
      windows.set(key, { start: now, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= limit;
  };
}
