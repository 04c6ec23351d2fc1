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

/** Saves the display name. */
export function setUserName(name: string): void {
  localStorage.setItem(NAME_KEY, name.trim());
  listeners.forEach((l) => l());
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
