import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESOLUTION_TEMPLATES } from '../../api/domain';
import { CloseDialog } from './CloseDialog';
import { ResolveDialog } from './ResolveDialog';

afterEach(cleanup);

const submitButton = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('ResolveDialog', () => {
  it('asks how it was fixed and keeps "Resolve issue" disabled while the answer is blank', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ResolveDialog open onClose={() => {}} onSubmit={onSubmit} />);
    expect(screen.getByRole('heading', { name: 'How was this fixed?' })).toBeTruthy();
    expect(submitButton('Resolve issue').disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Resolution' }), '   ');
    expect(submitButton('Resolve issue').disabled).toBe(true);
    await user.click(submitButton('Resolve issue'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('fills the answer from a template and submits it', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ResolveDialog open onClose={() => {}} onSubmit={onSubmit} />);
    for (const template of RESOLUTION_TEMPLATES)
      expect(screen.getByRole('button', { name: template })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Fixed in production' }));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Resolution' }).value).toBe(
      'Fixed in production',
    );
    expect(submitButton('Resolve issue').disabled).toBe(false);
    await user.click(submitButton('Resolve issue'));
    expect(onSubmit).toHaveBeenCalledWith('Fixed in production');
  });

  it('submits typed text, trimmed', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ResolveDialog open onClose={() => {}} onSubmit={onSubmit} />);
    await user.type(screen.getByRole('textbox', { name: 'Resolution' }), '  Rolled back the deploy ');
    await user.click(submitButton('Resolve issue'));
    expect(onSubmit).toHaveBeenCalledWith('Rolled back the deploy');
  });

  it('stays disabled while the resolution is being sent', () => {
    render(<ResolveDialog open isPending onClose={() => {}} onSubmit={() => {}} />);
    expect(submitButton('Resolve issue').disabled).toBe(true);
  });
});

describe('CloseDialog', () => {
  it('asks why, and only closes with a reason', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const onClose = vi.fn();
    render(<CloseDialog open onClose={onClose} onSubmit={onSubmit} />);
    expect(screen.getByRole('heading', { name: 'Why are you closing this?' })).toBeTruthy();
    expect(submitButton('Close issue').disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Duplicate of ARG-12');
    await user.click(submitButton('Close issue'));
    expect(onSubmit).toHaveBeenCalledWith('Duplicate of ARG-12');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
  });
});
