import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({}));
import { guardUnload, unloadQuestion } from './unloadGuard';

/** A webContents stand-in that records its listeners, so the test can raise the event Electron would. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
  return {
    on: (name: string, listener: (event: { preventDefault: () => void }) => void) => void listeners.set(name, listener),
    raise(name: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      return event;
    },
  };
}

describe('closing a window with unsent changes', () => {
  test('asks, and closes only when the member chooses to', () => {
    const contents = fakeContents();
    const showMessageBoxSync = vi.fn().mockReturnValueOnce(0).mockReturnValueOnce(1);
    guardUnload(contents as never, {} as never, { showMessageBoxSync } as never, () => 'ka-GE');

    const stay = contents.raise('will-prevent-unload');
    expect(stay.preventDefault).not.toHaveBeenCalled();
    const close = contents.raise('will-prevent-unload');
    expect(close.preventDefault).toHaveBeenCalledTimes(1);
    expect(showMessageBoxSync).toHaveBeenCalledTimes(2);
    expect(showMessageBoxSync.mock.calls[0]![1].message).toContain('სერვერზე არ გაგზავნილა');
  });

  test('speaks the system language, staying being the default and the Escape answer', () => {
    const en = unloadQuestion('en-US');
    expect(en.message).toContain('not reached the server');
    expect(en.buttons![en.defaultId!]).toBe('Stay');
    expect(en.cancelId).toBe(0);
    expect(unloadQuestion('ka').buttons).toEqual(['დარჩენა', 'მაინც დახურვა']);
  });
});
