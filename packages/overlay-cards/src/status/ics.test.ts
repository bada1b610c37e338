import { expect, test } from 'vitest';
import { escapeText, foldLine, icsDateTime, icsDuration, showCalendar, type ShowCalendarEvent } from './ics.js';

const encoder = new TextEncoder();

/** A small RFC 5545 reader for the tests: checks the line rules, unfolds, splits and unescapes. */
function parseIcs(ics: string): { lines: string[]; properties: [string, string][] } {
  expect(ics.endsWith('\r\n')).toBe(true);
  // Every line break is CRLF: no bare LF or CR anywhere.
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  const lines = ics.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
  const properties = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    const raw = line.slice(colon + 1);
    const value = raw.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
    return [line.slice(0, colon), value];
  });
  return { lines, properties };
}

const show: ShowCalendarEvent = {
  uid: 'live-shop-demo@shop.example.com',
  start: Date.UTC(2026, 11, 3, 18, 30, 15, 500),
  durationMinutes: 90,
  title: 'Spring drop',
  description: 'Watch and shop live.\nhttps://shop.example.com/live',
  url: 'https://shop.example.com/live?show=demo&x=1,2;3',
  stamp: Date.UTC(2026, 10, 22, 9, 0, 0),
};

test('a VCALENDAR with one VEVENT: UID, DTSTAMP, DTSTART in UTC, DURATION, SUMMARY, DESCRIPTION, URL', () => {
  const { lines, properties } = parseIcs(showCalendar(show, '-//live-shop//live-shop 0.1.0//EN'));
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const map = new Map(properties);
  expect(map.get('VERSION')).toBe('2.0');
  expect(map.get('PRODID')).toBe('-//live-shop//live-shop 0.1.0//EN');
  expect(lines.indexOf('BEGIN:VEVENT')).toBeLessThan(lines.indexOf('END:VEVENT'));
  expect(map.get('UID')).toBe('live-shop-demo@shop.example.com');
  expect(map.get('DTSTAMP')).toBe('20261122T090000Z');
  expect(map.get('DTSTART')).toBe('20261203T183015Z');
  expect(map.get('DURATION')).toBe('PT1H30M');
  expect(map.get('SUMMARY')).toBe('Spring drop');
  expect(map.get('DESCRIPTION')).toBe('Watch and shop live.\nhttps://shop.example.com/live');
  // A URI value is not TEXT: its commas and semicolons stay as they are.
  expect(map.get('URL')).toBe('https://shop.example.com/live?show=demo&x=1,2;3');
});

test('escapes backslashes, semicolons, commas and line breaks in text, and drops control characters', () => {
  expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
  expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  expect(escapeText('bell\u0007 tab\t')).toBe('bell tab\t');

  const title = 'Sale; 50% off, today\\only\r\nBEGIN:VALARM';
  const { properties } = parseIcs(showCalendar({ ...show, title }, 'x'));
  expect(new Map(properties).get('SUMMARY')).toBe('Sale; 50% off, today\\only\nBEGIN:VALARM');
  // The injected line break stayed inside SUMMARY: no property or component was added.
  expect(properties.filter(([name]) => name === 'BEGIN').map(([, value]) => value)).toEqual(['VCALENDAR', 'VEVENT']);
});

test('markup in the title is plain text in the file', () => {
  const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const { properties } = parseIcs(showCalendar({ ...show, title }, 'x'));
  expect(new Map(properties).get('SUMMARY')).toBe(title);
});

test('folds lines at 75 octets without splitting a character, continuation lines starting with a space', () => {
  expect(foldLine('short')).toBe('short');
  const ascii = `SUMMARY:${'a'.repeat(200)}`;
  const folded = foldLine(ascii).split('\r\n');
  expect(folded.map((line) => line.length)).toEqual([75, 75, 60]);
  expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  expect(foldLine(ascii).replace(/\r\n /g, '')).toBe(ascii);

  // Three-octet and four-octet characters: no line over 75 octets, none cut in two.
  const wide = `SUMMARY:${'日本'.repeat(40)}🛍️🛍️${'é'.repeat(50)}`;
  const lines = foldLine(wide).split('\r\n');
  for (const line of lines) {
    expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/\uFFFD/);
  }
  expect(foldLine(wide).replace(/\r\n /g, '')).toBe(wide);

  const { properties } = parseIcs(showCalendar({ ...show, title: 'Ünïcödé, show; '.repeat(12) }, 'x'));
  expect(new Map(properties).get('SUMMARY')).toBe('Ünïcödé, show; '.repeat(12));
});

test('durations and UTC times', () => {
  expect(icsDuration(60)).toBe('PT1H');
  expect(icsDuration(45)).toBe('PT45M');
  expect(icsDuration(0)).toBe('PT1M');
  expect(icsDateTime(Date.UTC(2027, 0, 1, 0, 0, 0, 999))).toBe('20270101T000000Z');
});
