import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { IssueFilters } from './IssueFilters';
import {
  EMPTY_FILTERS,
  type IssueFilterValues,
  readIssueFilters,
  toIssueQuery,
  writeIssueFilters,
} from './issueFilterParams';

afterEach(cleanup);

const TEAM_ID = '6f1c2a4e-0000-4000-8000-000000000001';
const PERSON_ID = '6f1c2a4e-0000-4000-8000-0000000000aa';

describe('issue filter URL helpers', () => {
  it('round-trips every filter through the URL', () => {
    const filters: IssueFilterValues = {
      q: 'database timeout',
      status: ['open', 'acknowledged', 'in_progress'],
      priority: ['critical', 'high'],
      source: ['alert', 'slack'],
      teamId: [TEAM_ID, 'none'],
      assignee: ['me', PERSON_ID],
      service: 'checkout',
      createdFrom: '2024-05-01T00:00:00.000Z',
      createdTo: '2024-05-31T23:59:59.999Z',
      sort: 'priority',
      page: 3,
      pageSize: 50,
    };
    const search = writeIssueFilters(filters);
    expect(readIssueFilters(new URLSearchParams(search.toString()))).toEqual(filters);
    expect(search.get('status')).toBe('open,acknowledged,in_progress');
    expect(search.get('teamId')).toBe(`${TEAM_ID},none`);
  });

  it('leaves defaults and empty values out, and falls back on malformed ones', () => {
    expect(writeIssueFilters(EMPTY_FILTERS).toString()).toBe('');
    expect(readIssueFilters(new URLSearchParams('sort=sideways&page=-2&pageSize=abc&status=,open,'))).toEqual(
      {
        ...EMPTY_FILTERS,
        status: ['open'],
      },
    );
    expect(toIssueQuery({ ...EMPTY_FILTERS, q: '  ', priority: ['low'] })).toEqual({ priority: 'low' });
  });
});

function renderFilters(initialUrl: string) {
  const router = createMemoryRouter(
    [
      {
        path: '/issues',
        element: (
          <IssueFilters
            teams={[{ id: TEAM_ID, name: 'Payments' }]}
            people={[{ userId: PERSON_ID, name: 'Priya Patel' }]}
          />
        ),
      },
    ],
    { initialEntries: [initialUrl] },
  );
  render(<RouterProvider router={router} />);
  return { router, search: () => new URLSearchParams(router.state.location.search) };
}

describe('IssueFilters', () => {
  it('shows the filters of the URL it was opened with', () => {
    renderFilters(
      `/issues?q=timeout&status=open&priority=critical,high&teamId=${TEAM_ID}&assignee=me&source=alert&service=checkout&sort=-updated`,
    );
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search issues' }).value).toBe('timeout');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' }).value).toBe('open');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Priority' }).value).toBe('critical,high');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Team' }).value).toBe(TEAM_ID);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Assignee' }).value).toBe('me');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Source' }).value).toBe('alert');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Service' }).value).toBe('checkout');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Sort' }).value).toBe('-updated');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'My issues' }).checked).toBe(true);
  });

  it('keeps a combination that only a link can make, such as the dashboard’s active statuses', () => {
    renderFilters('/issues?status=acknowledged,in_progress');
    const status = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' });
    expect(status.value).toBe('acknowledged,in_progress');
    expect(status.selectedOptions[0]?.textContent).toBe('Acknowledged, In progress');
  });

  it('writes every change to the URL and goes back to the first page', async () => {
    const user = userEvent.setup();
    const { search } = renderFilters('/issues?page=4');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'Active (open, acknowledged, in progress)',
    );
    expect(search().get('status')).toBe('open,acknowledged,in_progress');
    expect(search().get('page')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Team' }), 'Payments');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'Critical');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'Oldest first');
    await user.click(screen.getByRole('checkbox', { name: 'My issues' }));
    expect(search().get('teamId')).toBe(TEAM_ID);
    expect(search().get('priority')).toBe('critical');
    expect(search().get('sort')).toBe('created');
    expect(search().get('assignee')).toBe('me');

    await user.type(screen.getByRole('searchbox', { name: 'Search issues' }), 'disk full');
    await waitFor(() => expect(search().get('q')).toBe('disk full'));
    await user.type(screen.getByRole('textbox', { name: 'Service' }), 'billing{Enter}');
    expect(search().get('service')).toBe('billing');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(search().toString()).toBe('sort=created');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search issues' }).value).toBe('');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Clear filters' }).disabled).toBe(true);
  });

  it('follows the URL when it changes underneath, as with Back', async () => {
    const { router } = renderFilters('/issues?priority=high');
    await router.navigate('/issues?priority=low&q=cache');
    // The select follows on the next render; the search box copies the URL in an effect after it.
    await waitFor(() =>
      expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Priority' }).value).toBe('low'),
    );
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search issues' }).value).toBe('cache'),
    );
  });
});
