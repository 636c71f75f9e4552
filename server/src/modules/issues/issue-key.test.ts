import { describe, expect, it } from 'vitest';
import { formatIssueKey, parseIssueReference } from './issue-key.js';

describe('issue keys', () => {
  it('formats prefix and number', () => expect(formatIssueKey('ARG', 42)).toBe('ARG-42'));
  it.each([
    ['ARG-42', { number: 42 }],
    ['ops-7', { number: 7 }],
    ['3F2504E0-4F89-41D3-9A0C-0305E82C3301', { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }],
    ['ARG-0', undefined],
    ['42', undefined],
    ["ARG-1'; drop table issues", undefined],
  ])('%s reads as %o', (reference, expected) => expect(parseIssueReference(reference)).toEqual(expected));
});
