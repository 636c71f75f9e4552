import { type FormEvent, useState } from 'react';
import { useCreateTeam } from '../../api/teams';
import { parseKeywords } from './keywords';
import { TeamIdentityFields } from './TeamIdentityFields';

/** Admins create a team: a name, where it talks in Slack, and words that route issues to it. */
export function NewTeamForm() {
  const createTeam = useCreateTeam();
  const [name, setName] = useState('');
  const [slackChannel, setSlackChannel] = useState('');
  const [keywords, setKeywords] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    createTeam.mutate(
      {
        name: name.trim(),
        slackChannel: slackChannel.trim() || null,
        routingKeywords: parseKeywords(keywords),
      },
      {
        onSuccess: () => {
          setName('');
          setSlackChannel('');
          setKeywords('');
        },
      },
    );
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-team-title">
      <h2 id="new-team-title">New team</h2>
      <div className="form-grid">
        <TeamIdentityFields
          name={name}
          onNameChange={setName}
          slackChannel={slackChannel}
          onSlackChannelChange={setSlackChannel}
        />
        <label>
          Routing keywords
          <input
            value={keywords}
            onChange={(event) => setKeywords(event.target.value)}
            placeholder="payments, stripe, checkout"
            aria-describedby="new-team-keywords-hint"
          />
        </label>
      </div>
      <p id="new-team-keywords-hint" className="hint">
        Comma-separated. New issues whose title or service mention one of these words go to this team.
      </p>
      <div>
        <button type="submit" className="button primary" disabled={createTeam.isPending || !name.trim()}>
          {createTeam.isPending ? 'Creating…' : 'Create team'}
        </button>
      </div>
    </form>
  );
}
