import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/** Asks before a destructive action; the confirm button names the action ("Delete team", "Revoke token"). */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  isPending = false,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  isPending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="stack">
        {children}
        <div className="row dialog-actions">
          <button type="button" className="button danger" disabled={isPending} onClick={onConfirm}>
            {isPending ? 'Working…' : confirmLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
