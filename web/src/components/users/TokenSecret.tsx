import type { CreateTokenResponse } from '@argus/contracts';
import { useRef, useState } from 'react';

/** The one time a token's secret is visible: copy it (clipboard, or select it when the clipboard is refused). */
export function TokenSecret({ token, onDone }: { token: CreateTokenResponse; onDone: () => void }) {
  const textRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'selected'>('idle');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(token.token);
      setCopyState('copied');
    } catch {
      textRef.current?.focus();
      textRef.current?.select();
      setCopyState('selected');
    }
  };

  return (
    <section className="card stack token-secret" aria-labelledby="token-secret-title">
      <h2 id="token-secret-title">Your new token “{token.name}”</h2>
      <p>
        <strong>Copy it now:</strong> this is the only time Argus shows it. Send it as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      <div className="row">
        <input
          ref={textRef}
          className="token-text"
          readOnly
          value={token.token}
          aria-label="New API token"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="hint" role="status">
        {copyState === 'copied'
          ? 'Copied to the clipboard.'
          : copyState === 'selected'
            ? 'The clipboard is not available here: the token is selected, press Ctrl+C (⌘C) to copy it.'
            : ''}
      </p>
      <div>
        <button type="button" className="button" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </section>
  );
}
