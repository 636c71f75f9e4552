/** The name and Slack channel of a team, shared by the new-team form and the team settings. */
export function TeamIdentityFields({
  name,
  onNameChange,
  slackChannel,
  onSlackChannelChange,
}: {
  name: string;
  onNameChange: (name: string) => void;
  slackChannel: string;
  onSlackChannelChange: (channel: string) => void;
}) {
  return (
    <>
      <label>
        Name
        <input value={name} onChange={(event) => onNameChange(event.target.value)} required maxLength={80} />
      </label>
      <label>
        Slack channel
        <input
          value={slackChannel}
          onChange={(event) => onSlackChannelChange(event.target.value)}
          placeholder="#payments-oncall"
          maxLength={80}
        />
      </label>
    </>
  );
}
