import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssignablePerson } from '../../api/issues';
import { AssigneePicker } from './AssigneePicker';

afterEach(cleanup);

const people: AssignablePerson[] = [
  {
    userId: 'u-marcus',
    name: 'Marcus Lee',
    email: 'marcus@example.com',
    teams: [{ id: 't-pay', name: 'Payments', role: 'agent' }],
    openIssueCount: 1,
  },
  {
    userId: 'u-priya',
    name: 'Priya Patel',
    email: 'priya@example.com',
    teams: [
      { id: 't-pay', name: 'Payments', role: 'manager' },
      { id: 't-plat', name: 'Platform', role: 'agent' },
    ],
    openIssueCount: 4,
  },
  {
    userId: 'u-sam',
    name: 'Sam Okafor',
    email: 'sam@example.com',
    teams: [{ id: 't-plat', name: 'Platform', role: 'agent' }],
    openIssueCount: 0,
  },
];

const checkbox = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name });

describe('AssigneePicker', () => {
  it('lists people from every team with their teams and workload, current assignees checked', () => {
    render(
      <AssigneePicker people={people} current={[{ id: 'u-marcus', name: 'Marcus Lee' }]} onSave={() => {}} />,
    );
    expect(screen.getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual([
      'Marcus Lee',
      'Priya Patel',
      'Sam Okafor',
    ]);
    expect(checkbox('Marcus Lee').checked).toBe(true);
    expect(checkbox('Priya Patel').checked).toBe(false);
    expect(checkbox('Priya Patel').getAttribute('aria-describedby')).toBeTruthy();
    const description = document.getElementById(
      checkbox('Priya Patel').getAttribute('aria-describedby') ?? '',
    );
    expect(description?.textContent).toBe('Payments, Platform · 4 open');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save assignees' }).disabled).toBe(true);
  });

  it('filters by name, e-mail or team as you type', async () => {
    const user = userEvent.setup();
    const onQueryChange = vi.fn();
    render(<AssigneePicker people={people} current={[]} onSave={() => {}} onQueryChange={onQueryChange} />);
    const search = screen.getByRole('searchbox', { name: 'Search people' });
    await user.type(search, 'platform');
    expect(screen.getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual([
      'Priya Patel',
      'Sam Okafor',
    ]);
    await user.clear(search);
    await user.type(search, 'marcus@');
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    expect(onQueryChange).toHaveBeenLastCalledWith('marcus@');
    await user.clear(search);
    await user.type(search, 'nobody');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText('Nobody matches.')).toBeTruthy();
  });

  it('reports who to add and who to remove on save, keeping choices made under another search', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(
      <AssigneePicker
        people={people}
        current={[
          { id: 'u-marcus', name: 'Marcus Lee' },
          { id: 'u-gone', name: 'Former Colleague' },
        ]}
        onSave={onSave}
      />,
    );
    // A current assignee who is no longer assignable still shows, so they can be removed.
    expect(checkbox('Former Colleague').checked).toBe(true);
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), 'sam');
    await user.click(checkbox('Sam Okafor'));
    await user.clear(screen.getByRole('searchbox', { name: 'Search people' }));
    await user.click(checkbox('Marcus Lee'));
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('checkbox', { checked: true })
        .map((box) => box.getAttribute('aria-label')),
    ).toEqual(['Sam Okafor', 'Former Colleague']);
    await user.click(screen.getByRole('button', { name: 'Save assignees' }));
    expect(onSave).toHaveBeenCalledWith({ add: ['u-sam'], remove: ['u-marcus'] });
  });
});
