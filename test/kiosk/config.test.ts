import { expect } from '@open-wc/testing';
import { ConfigError, DEFAULT_CONFIG, parseConfig } from '../../kiosk/config.js';

const parse = (query: string, file?: unknown) => parseConfig(file, new URLSearchParams(query));
function problem(query: string, file?: unknown): ConfigError {
  try {
    parse(query, file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('kiosk: configuration', () => {
  it('has wall defaults with no configuration', () => {
    expect(parse('')).to.deep.equal(DEFAULT_CONFIG);
  });

  it('reads the URL over kiosk.json', () => {
    expect(parse('rotate=30&views=board,cascade,board', { unit: 'unit-line-2', rotate: 120, theme: 'dark' })).to.deep.equal({
      unit: 'unit-line-2',
      views: ['board', 'cascade'],
      rotate: 30,
      theme: 'dark',
      quiet: 60,
      lock: 120,
      tapOut: 90,
      firstRun: 'ask',
    });
    expect(parse('first-run=demo').firstRun).to.equal('demo');
    expect(parse('tap-out=30').tapOut, 'a wall that signs a tapped-in person out sooner').to.equal(30);
  });

  it('names the bad key and the accepted values', () => {
    const rotate = problem('rotate=abc');
    expect(rotate.key).to.equal('rotate');
    expect(rotate.message).to.equal('"rotate" in the address is "abc", but it must be a whole number of seconds from 10 to 3600, or 0 for no rotation.');
    expect(problem('views=board,calendar').message).to.contain('board, escalations, cascade, feedback, safety, you-said, impact, pulse, card');
    expect(problem('theme=neon').message).to.contain('light, dark, wall');
    expect(problem('rotate=5').key).to.equal('rotate');
    expect(problem('colour=red').message).to.contain(
      'one of the known settings (unit, views, rotate, theme, locale, quiet, pin, lock, tap-out, first-run, server, token)',
    );
    expect(problem('first-run=later').message).to.contain('ask, demo or hospital-demo');
    expect(problem('pin=12a4').message).to.contain('4 to 8 digits');
    expect(problem('tap-out=5').message).to.contain('"tap-out" in the address is "5", but it must be a whole number of seconds from 10 to 3600');
    expect(problem('locale=not a locale!').key).to.equal('locale');
    expect(problem('server=javascript:alert(1)&token=he_abcdefghijklmnopqrstuv').message).to.contain('http:// or https://');
    expect(problem('server=http://10.0.0.5:8787').message, 'a server without a token').to.contain('"token"');
    expect(problem('token=he_short').key).to.equal('token');
  });

  it('takes a sync server and its token, keeping only the address', () => {
    const config = parseConfig(undefined, new URLSearchParams('server=https://huddle.example.org/sync/?x=1&token=he_abcdefghijklmnopqrstuv'));
    expect(config).to.include({ server: 'https://huddle.example.org/sync', token: 'he_abcdefghijklmnopqrstuv' });
  });

  it("lets a board's coaching-card code leave the token to the coach's phone", () => {
    const config = parseConfig(undefined, new URLSearchParams('server=http://10.0.0.5:8787&unit=unit-line-1&views=card'));
    expect(config.token).to.equal(undefined);
    expect(config.views).to.deep.equal(['card']);
  });

  it('names a setting whose value cannot even be turned into text (found by fast-check)', () => {
    expect(problem('', { rotate: { toString: {} } }).key).to.equal('rotate');
    expect(problem('', { '': { toString: {} } }).message).to.contain('{"toString":{}}');
  });

  it('says when kiosk.json itself is wrong', () => {
    expect(problem('', [1, 2]).source).to.equal('kiosk.json');
    expect(problem('', { rotate: 'often' }).message).to.contain('in the kiosk.json file');
  });
});
