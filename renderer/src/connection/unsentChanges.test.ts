import { describe, expect, test } from 'vitest';
import { guardWindowUnload, reportUnsent, totalUnsent, unsentInWindow } from './unsentChanges';

/** A window stand-in that keeps the beforeunload listener, so the test can raise the event a closing tab would. */
function fakeWindow() {
  let listener: ((event: BeforeUnloadEvent) => void) | undefined;
  return {
    addEventListener: (_name: string, l: (event: BeforeUnloadEvent) => void) => void (listener = l),
    close() {
      const event = { defaultPrevented: false, returnValue: 'untouched', preventDefault() { this.defaultPrevented = true; } };
      listener?.(event as unknown as BeforeUnloadEvent);
      return event;
    },
  };
}

describe('closing with unsent changes', () => {
  test('the window asks while anything is unsent, and closes quietly once it is all sent', () => {
    const target = fakeWindow();
    guardWindowUnload(target as unknown as Window);
    expect(target.close().defaultPrevented).toBe(false);

    reportUnsent('act:a', 2);
    reportUnsent('act:b', 1);
    expect(unsentInWindow()).toBe(3);
    const asked = target.close();
    expect(asked.defaultPrevented).toBe(true);
    expect(asked.returnValue).toBe('');

    reportUnsent('act:a', 0);
    expect(target.close().defaultPrevented).toBe(true);
    reportUnsent('act:b', 0);
    expect(unsentInWindow()).toBe(0);
    expect(target.close().defaultPrevented).toBe(false);
  });

  test('the header counts edits, comments and suggestions together', () => {
    expect(totalUnsent({ edits: 2, comments: 1, suggestions: 3 })).toBe(6);
  });
});
