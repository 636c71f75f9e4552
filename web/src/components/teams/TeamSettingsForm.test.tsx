import type { TeamResponse } from '@argus/contracts';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, PAYMENTS, person, renderRoutes, teamFixture } from '../../test-support/app-harness';
import { TeamSettingsForm } from './TeamSettingsForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(team: TeamResponse) {
  const calls = fakeApi(person('manager'), ({ method, path, body }) =>
    method === 'PATCH' && path === `/api/teams/${PAYMENTS.id}` ? { ...team, ...(body as object) } : undefined,
  );
  renderRoutes({ '/': <TeamSettingsForm team={team} canEdit /> }, '/');
  return calls;
}

const toggle = () =>
  screen.getByRole<HTMLInputElement>('checkbox', {
    name: 'Resolve automatically when the analysis finds nothing to act on',
  });
const minimum = () => screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Minimum confidence (%)' });
const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save settings' });

describe('TeamSettingsForm: automatic resolution', () => {
  it('shows the saved choice and threshold as a percentage, and saves a new one as a share of 1', async () => {
    const user = userEvent.setup();
    const calls = renderForm(teamFixture({ autoResolveEnabled: true, autoResolveMinConfidence: 0.8 }));
    await screen.findByRole('checkbox', { name: /Resolve automatically/ });
    expect(toggle().checked).toBe(true);
    expect(minimum().value).toBe('80');
    await user.clear(minimum());
    await user.type(minimum(), '90');
    await user.click(save());
    await waitFor(() => {
      const patch = calls.find((call) => call.method === 'PATCH');
      expect(patch?.body).toMatchObject({ autoResolveEnabled: true, autoResolveMinConfidence: 0.9 });
    });
    expect(await screen.findByText('Saved settings of Payments')).toBeTruthy();
  });

  it('refuses a threshold outside 50-100% with a message', async () => {
    const user = userEvent.setup();
    const calls = renderForm(teamFixture());
    await screen.findByRole('checkbox', { name: /Resolve automatically/ });
    for (const typed of ['40', '101', '']) {
      await user.clear(minimum());
      if (typed) await user.type(minimum(), typed);
      expect(screen.getByText('Enter a percentage between 50 and 100.')).toBeTruthy();
      expect(minimum().getAttribute('aria-invalid')).toBe('true');
      expect(save().disabled).toBe(true);
    }
    await user.type(minimum(), '50');
    expect(screen.queryByText('Enter a percentage between 50 and 100.')).toBeNull();
    expect(save().disabled).toBe(false);
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false);
  });

  it('turns automatic resolution off', async () => {
    const user = userEvent.setup();
    const calls = renderForm(teamFixture({ autoResolveEnabled: true }));
    await screen.findByRole('checkbox', { name: /Resolve automatically/ });
    await user.click(toggle());
    expect(minimum().disabled).toBe(true);
    await user.click(save());
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PATCH')?.body).toMatchObject({
        autoResolveEnabled: false,
      }),
    );
  });
});
