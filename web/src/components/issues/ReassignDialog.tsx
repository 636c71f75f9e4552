import type { IssueResponse } from '@argus/contracts';
import { useEffect, useState } from 'react';
import { useAssignable, useSetAssignees } from '../../api/issues';
import { Dialog } from '../Dialog';
import { ErrorState } from '../States';
import { AssigneePicker } from './AssigneePicker';

/** "Reassign": pick anyone from any team; saves the difference from the current assignees. */
export function ReassignDialog({
  issue,
  open,
  onClose,
}: {
  issue: IssueResponse;
  open: boolean;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [serverQuery, setServerQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setServerQuery(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);
  const people = useAssignable(serverQuery, open);
  const save = useSetAssignees(issue.key);
  return (
    <Dialog open={open} title="Reassign" onClose={onClose}>
      {people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <AssigneePicker
          key={issue.assignees.map((person) => person.id).join(',')}
          people={people.data ?? []}
          current={issue.assignees}
          isLoading={people.isPending}
          isSaving={save.isPending}
          onQueryChange={setQuery}
          onCancel={onClose}
          onSave={(change) => save.mutate(change, { onSuccess: onClose })}
        />
      )}
    </Dialog>
  );
}
