import { describe, expect, it } from 'vitest';
import { isThreadReply, readMentionText } from './slack-event.js';

describe('readMentionText', () => {
  it.each([
    ['<@U0LAN0Z89> redis is down', { title: 'redis is down', description: '' }],
    [
      '<@U0LAN0Z89> checkout 500s\nsince 10:02 <https://grafana.example.com/d/1|dashboard>',
      { title: 'checkout 500s', description: 'since 10:02 dashboard (https://grafana.example.com/d/1)' },
    ],
    [
      '<@U0LAN0Z89> see <#C0123ABCD|payments> &amp; <@W123|sam>',
      { title: 'see #payments &', description: '' },
    ],
    ['<@U0LAN0Z89>', { title: '', description: '' }],
  ])('reads %j', (text, expected) => {
    expect(readMentionText(text)).toEqual(expected);
  });

  it('cuts a long first line to 200 characters and keeps the whole text as the description', () => {
    const long = 'x'.repeat(250);
    const read = readMentionText(`<@U1> ${long}`);
    expect(read.title).toHaveLength(198);
    expect(read.title.endsWith('…')).toBe(true);
    expect(read.description).toBe(long);
  });
});

describe('isThreadReply', () => {
  it.each([
    [{ ts: '1.1' }, false],
    [{ ts: '1.1', thread_ts: '1.1' }, false],
    [{ ts: '1.2', thread_ts: '1.1' }, true],
  ])('%j -> %s', (mention, expected) => {
    expect(isThreadReply(mention)).toBe(expected);
  });
});
