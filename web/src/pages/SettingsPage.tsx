import { Link } from 'react-router';
import { usePermissions } from '../app/auth';
import { AiSettings } from '../components/settings/AiSettings';
import { SlackSettingsCard } from '../components/settings/SlackSettingsCard';

/**
 * Settings: personal API tokens, how Argus triages and investigates (AI services and the local model), and
 * whether Slack is connected.
 */
export function SettingsPage() {
  const { isAdmin } = usePermissions();
  return (
    <div className="stack settings-page">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <section className="card stack" aria-labelledby="tokens-link-heading">
        <h2 id="tokens-link-heading">API tokens</h2>
        <p className="muted">
          Scripts and integrations call the Argus API with a personal token.{' '}
          <Link to="/settings/tokens">Manage your API tokens</Link>
        </p>
      </section>
      <AiSettings canRetrain={isAdmin} />
      <SlackSettingsCard />
    </div>
  );
}
