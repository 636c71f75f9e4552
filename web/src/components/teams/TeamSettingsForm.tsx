import type { TeamResponse } from '@argus/contracts';
import { type FormEvent, useState } from 'react';
import { useUpdateTeam } from '../../api/teams';
import { AutoResolveFields, validateMinConfidencePercent } from './AutoResolveFields';
import { formatKeywords, parseKeywords } from './keywords';
import { TeamIdentityFields } from './TeamIdentityFields';

/** A team's settings: editable by admins and the team's managers, read-only for everyone else. */
export function TeamSettingsForm({ team, canEdit }: { team: TeamResponse; canEdit: boolean }) {
  const updateTeam = useUpdateTeam(team.id);
  const [name, setName] = useState(team.name);
  const [slackChannel, setSlackChannel] = useState(team.slackChannel ?? '');
  const [remindersEnabled, setRemindersEnabled] = useState(team.remindersEnabled);
  const [intervalMinutes, setIntervalMinutes] = useState(String(team.reminderIntervalMinutes));
  const [staleMinutes, setStaleMinutes] = useState(String(team.reminderStaleMinutes));
  const [threadSync, setThreadSync] = useState(team.slackThreadSync);
  const [keywords, setKeywords] = useState(formatKeywords(team.routingKeywords));
  const [description, setDescription] = useState(team.description);
  const [autoResolveEnabled, setAutoResolveEnabled] = useState(team.autoResolveEnabled);
  const [minConfidencePercent, setMinConfidencePercent] = useState(
    String(Math.round(team.autoResolveMinConfidence * 100)),
  );
  const isMinConfidenceValid = validateMinConfidencePercent(minConfidencePercent) === null;
  const canSave = name.trim() !== '' && (isMinConfidenceValid || !autoResolveEnabled);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) return;
    updateTeam.mutate({
      name: name.trim(),
      slackChannel: slackChannel.trim() || null,
      remindersEnabled,
      reminderIntervalMinutes: Number(intervalMinutes),
      reminderStaleMinutes: Number(staleMinutes),
      slackThreadSync: threadSync,
      routingKeywords: parseKeywords(keywords),
      description,
      autoResolveEnabled,
      // A threshold left invalid while automatic resolution is off keeps the saved one.
      ...(isMinConfidenceValid ? { autoResolveMinConfidence: Number(minConfidencePercent) / 100 } : {}),
    });
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="team-settings-title">
      <h2 id="team-settings-title">Settings</h2>
      {!canEdit && <p className="hint">Only admins and this team's managers change its settings.</p>}
      <fieldset disabled={!canEdit || updateTeam.isPending} className="plain-fieldset stack">
        <div className="form-grid">
          <TeamIdentityFields
            name={name}
            onNameChange={setName}
            slackChannel={slackChannel}
            onSlackChannelChange={setSlackChannel}
          />
          <label>
            Reminder interval (minutes)
            <input
              type="number"
              min={5}
              max={10080}
              step={5}
              value={intervalMinutes}
              onChange={(event) => setIntervalMinutes(event.target.value)}
              required
            />
          </label>
          <label>
            Stale after (minutes without a change)
            <input
              type="number"
              min={5}
              max={43200}
              step={5}
              value={staleMinutes}
              onChange={(event) => setStaleMinutes(event.target.value)}
              required
            />
          </label>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remindersEnabled}
            onChange={(event) => setRemindersEnabled(event.target.checked)}
          />
          Send reminders
        </label>
        <p className="hint">
          An open issue nobody has changed for the stale time gets a reminder in its Slack thread and by
          direct message to its assignees, then again every reminder interval; the Slack channel is where the
          team is reached.
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={threadSync}
            onChange={(event) => setThreadSync(event.target.checked)}
          />
          Copy replies in Slack issue threads into comments
        </label>
        <label>
          Routing keywords
          <input
            value={keywords}
            onChange={(event) => setKeywords(event.target.value)}
            placeholder="payments, stripe, checkout"
          />
        </label>
        <p className="hint">
          Comma-separated words that mark an issue as this team's, used to route new issues.
        </p>
        <AutoResolveFields
          isEnabled={autoResolveEnabled}
          onEnabledChange={setAutoResolveEnabled}
          minConfidencePercent={minConfidencePercent}
          onMinConfidencePercentChange={setMinConfidencePercent}
        />
        <label>
          Description
          <textarea
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={2000}
          />
        </label>
        {canEdit && (
          <div>
            <button type="submit" className="button primary" disabled={updateTeam.isPending || !canSave}>
              {updateTeam.isPending ? 'Saving…' : 'Save settings'}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
