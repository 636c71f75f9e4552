import { ReasonDialog, type ReasonDialogProps } from './ReasonDialog';

/** "Why are you closing this?": closing without fixing always says why. */
export function CloseDialog(props: ReasonDialogProps) {
  return (
    <ReasonDialog
      {...props}
      title="Why are you closing this?"
      fieldLabel="Reason"
      submitLabel="Close issue"
    />
  );
}
