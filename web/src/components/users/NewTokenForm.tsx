import type { CreateTokenResponse } from '@argus/contracts';
import { type FormEvent, useState } from 'react';
import { useCreateToken } from '../../api/tokens';

/** Creates a personal API token for scripts; it acts as you, with your permissions. */
export function NewTokenForm({ onCreated }: { onCreated: (token: CreateTokenResponse) => void }) {
  const createToken = useCreateToken();
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const days = expiresInDays.trim() ? Number(expiresInDays) : undefined;
    createToken.mutate(
      { name: name.trim(), ...(days ? { expiresInDays: days } : {}) },
      {
        onSuccess: (token) => {
          setName('');
          setExpiresInDays('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-token-title">
      <h2 id="new-token-title">New token</h2>
      <div className="form-grid">
        <label>
          Token name
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            placeholder="deploy script"
          />
        </label>
        <label>
          Expires in days
          <input
            type="number"
            min={1}
            max={3650}
            value={expiresInDays}
            onChange={(event) => setExpiresInDays(event.target.value)}
            aria-describedby="token-expiry-hint"
          />
        </label>
      </div>
      <p id="token-expiry-hint" className="hint">
        Optional; leave empty for a token that lasts until you revoke it. A token acts as you, with your
        permissions.
      </p>
      <div>
        <button type="submit" className="button primary" disabled={createToken.isPending || !name.trim()}>
          {createToken.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
