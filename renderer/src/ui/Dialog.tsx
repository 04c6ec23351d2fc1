import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What a dialog needs: its title's element id, how it closes, and its content. */
export interface DialogProps {
  /** The id of the element that names the dialog (its heading). */
  readonly labelledBy: string;
  /** The id of the element that explains it, when there is one. */
  readonly describedBy?: string;
  /** Escape, and the page's own close buttons, call it; without it Escape does nothing (a required choice). */
  readonly onClose?: () => void;
  /** 'alertdialog' for a question about something that cannot be undone. */
  readonly role?: 'dialog' | 'alertdialog';
  /** `data-dialog` of the dialog's body, which tests and styles find it by. */
  readonly name?: string;
  readonly className?: string;
  /** The body's element: a form when the dialog submits. */
  readonly as?: 'div' | 'form';
  readonly onSubmit?: (event: React.FormEvent) => void;
  readonly children: ReactNode;
}

/**
 * The one in-app dialog of Sajaro (issue 15; no native alert, confirm or prompt): modal over the page, with
 * the focus kept inside it (Tab and Shift+Tab go round), Escape to close, and the focus given back to where
 * it was when it closes. The first field marked autoFocus, or else the first control, takes the focus.
 */
export function Dialog({ labelledBy, describedBy, onClose, role = 'dialog', name, className, as = 'div', onSubmit, children }: DialogProps) {
  const body = useRef<HTMLDivElement & HTMLFormElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = body.current;
    if (root && !root.contains(document.activeElement)) {
      const first = root.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ?? root.querySelector<HTMLElement>(FOCUSABLE);
      (first ?? root).focus();
    }
    return () => {
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && close.current) {
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab' || !body.current) return;
    const controls = [...body.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null || e === document.activeElement);
    if (controls.length === 0) return event.preventDefault();
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || !body.current.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const Body = as;
  return createPortal(
    <div className="sj-modal" role={role} aria-modal="true" aria-labelledby={labelledBy} aria-describedby={describedBy} onKeyDown={onKeyDown}>
      <Body
        ref={body}
        tabIndex={-1}
        className={`sj-modal-body${className ? ` ${className}` : ''}`}
        data-dialog={name}
        onSubmit={
          as === 'form'
            ? (e: React.FormEvent) => {
                e.preventDefault();
                onSubmit?.(e);
              }
            : undefined
        }
      >
        {children}
      </Body>
    </div>,
    document.body,
  );
}
