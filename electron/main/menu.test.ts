import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({}));
import { applicationMenu } from './menu';

describe('application menu', () => {
  test('File → Export… runs the export action with Ctrl/Cmd+E', () => {
    const exportAct = vi.fn();
    const file = applicationMenu({ newWindow: vi.fn(), exportAct })[0]!;
    const items = file.submenu as Array<{ label?: string; accelerator?: string; click?: () => void }>;
    const item = items.find((i) => i.label?.includes('Export'));
    expect(item?.accelerator).toBe('CmdOrCtrl+E');
    item?.click?.();
    expect(exportAct).toHaveBeenCalledTimes(1);
  });
});
