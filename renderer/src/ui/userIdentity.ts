import { useSyncExternalStore } from 'react';

const NAME_KEY = 'sajaro.userName';
const COLOR_KEY = 'sajaro.userColor';
const COLORS = ['#c2410c', '#15803d', '#1d4ed8', '#7e22ce', '#be123c', '#0f766e', '#a16207', '#4338ca'];
const listeners = new Set<() => void>();

/** How other members see this user: a display name (asked once, kept) and a cursor colour. */
export interface UserIdentity {
  readonly name: string;
  readonly color: string;
}

let cached: UserIdentity | null = null;
function read(): UserIdentity {
  const name = localStorage.getItem(NAME_KEY) ?? '';
  let color = localStorage.getItem(COLOR_KEY);
  if (!color) {
    color = COLORS[Math.floor(Math.random() * COLORS.length)]!;
    localStorage.setItem(COLOR_KEY, color);
  }
  if (!cached || cached.name !== name || cached.color !== color) cached = { name, color };
  return cached;
}

/** The colour of authors that are no member: the template's text, or text older than the record of authors. */
export const NON_MEMBER_COLOR = '#64748b';

/**
 * A member's colour, the same on every computer: one of the cursor colours, chosen by the member's id. The
 * act page gives it to the cursor too, so a member's cursor and their changes (issue 12) look alike.
 */
export function memberColor(memberId: string): string {
  if (memberId === 'system' || memberId === 'unknown') return NON_MEMBER_COLOR;
  // FNV-1a: a short, stable spread of ids over the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < memberId.length; i += 1) hash = Math.imul(hash ^ memberId.charCodeAt(i), 0x01000193);
  return COLORS[(hash >>> 0) % COLORS.length]!;
}

/** Saves the display name on this computer. */
export function setUserName(name: string): void {
  localStorage.setItem(NAME_KEY, name.trim());
  listeners.forEach((l) => l());
}

const SENT_KEY = 'sajaro.userName.sent';

/** The name the server last confirmed as this member's, or null when the local one never reached it. */
export function confirmedUserName(): string | null {
  return localStorage.getItem(SENT_KEY);
}

/** Remembers that the server holds this name, so a later difference means someone renamed the member there. */
export function confirmUserName(name: string): void {
  localStorage.setItem(SENT_KEY, name);
}

/** The user's identity, re-rendering when the name is set. */
export function useUserIdentity(): UserIdentity {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
}
