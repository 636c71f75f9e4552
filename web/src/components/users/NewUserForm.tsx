import { type FormEvent, useState } from 'react';
import { useCreateUser } from '../../api/users';

/** Admins open an account; without a password the person signs in with SSO. */
export function NewUserForm() {
  const createUser = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const isPasswordTooShort = password.length > 0 && password.length < 12;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isPasswordTooShort) return;
    createUser.mutate(
      { name: name.trim(), email: email.trim(), isAdmin, ...(password ? { password } : {}) },
      {
        onSuccess: () => {
          setName('');
          setEmail('');
          setPassword('');
          setIsAdmin(false);
        },
      },
    );
  };

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">New user</h2>
      <div className="form-grid">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
        </label>
        <label>
          E-mail
          <input
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            required
            maxLength={320}
            autoComplete="off"
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint"
            aria-invalid={isPasswordTooShort || undefined}
          />
        </label>
      </div>
      <p id="new-user-password-hint" className={isPasswordTooShort ? 'form-error' : 'hint'}>
        {isPasswordTooShort
          ? 'A password needs at least 12 characters.'
          : 'Optional. Without a password the person signs in with SSO (single sign-on).'}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={isAdmin} onChange={(event) => setIsAdmin(event.target.checked)} />
        Admin
      </label>
      <p className="hint">
        Admins manage accounts, teams and settings. Add people to teams on a team's page to give them work.
      </p>
      <div>
        <button
          type="submit"
          className="button primary"
          disabled={createUser.isPending || !name.trim() || !email.trim() || isPasswordTooShort}
        >
          {createUser.isPending ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
