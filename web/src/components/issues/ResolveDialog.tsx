import { RESOLUTION_TEMPLATES } from '../../api/domain';
import { ReasonDialog, type ReasonDialogProps } from './ReasonDialog';

/** "How was this fixed?": a resolution is required, one-click templates fill the common answers. */
export function ResolveDialog(props: ReasonDialogProps) {
  return (
    <ReasonDialog
      {...props}
      title="How was this fixed?"
      fieldLabel="Resolution"
      submitLabel="Resolve issue"
      templates={RESOLUTION_TEMPLATES}
    />
  );
}
