import { type FormEvent, useEffect, useId, useState } from 'react';
import { Dialog } from '../Dialog';

export interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
  isPending?: boolean;
}

/** A dialog that asks one required question in a text box; the submit stays disabled while the answer is blank. */
export function ReasonDialog({
  open,
  onClose,
  onSubmit,
  isPending = false,
  title,
  fieldLabel,
  submitLabel,
  templates = [],
}: ReasonDialogProps & {
  title: string;
  fieldLabel: string;
  submitLabel: string;
  templates?: readonly string[];
}) {
  const [text, setText] = useState('');
  const fieldId = useId();
  const isBlank = text.trim() === '';
  useEffect(() => {
    if (!open) setText('');
  }, [open]);
  const close = () => {
    setText('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isBlank) onSubmit(text.trim());
  };
  return (
    <Dialog open={open} title={title} onClose={close}>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={fieldId}>{fieldLabel}</label>
        <textarea id={fieldId} value={text} onChange={(event) => setText(event.target.value)} required />
        {templates.length > 0 && (
          <fieldset className="templates">
            <legend className="hint">Quick answers</legend>
            <div className="row">
              {templates.map((template) => (
                <button
                  key={template}
                  type="button"
                  className="button small"
                  onClick={() => setText(template)}
                >
                  {template}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <div className="row dialog-actions">
          <button type="button" className="button ghost" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={isBlank || isPending}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
