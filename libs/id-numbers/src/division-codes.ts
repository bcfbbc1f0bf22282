import table from '../data/divisions.json';

/**
 * GB/T 2260 administrative division codes, current and retired: a citizen number keeps the code of the place
 * where it was first issued, so a person registered in 1985 in 四川省涪陵地区南川县 (512323, retired in 1994)
 * still carries it. The table and its sources are described in ../README.md.
 */
const DIVISIONS: Readonly<Record<string, string>> = table;

/** Names the tables give to groupings that are no place of their own (a municipality's 市辖区, a province's directly administered counties). */
const PLACEHOLDER = /^(市辖区|县|市|.*直辖县级行政(区划|单位))$/;

/** Whether `code` is a GB/T 2260 code that is or was in use (any level: province, prefecture, county). */
export function divisionKnown(code: string): boolean {
  return /^\d{6}$/.test(code) && Object.hasOwn(DIVISIONS, code);
}

/**
 * The division's name with its province and prefecture (四川省涪陵地区南川县, 北京市宣武区), as the latest table
 * that lists the code names it; `null` for an unknown code.
 */
export function divisionName(code: string): string | null {
  if (!divisionKnown(code)) return null;
  const own = DIVISIONS[code];
  const province = `${code.slice(0, 2)}0000`;
  const prefecture = `${code.slice(0, 4)}00`;
  const parts = [code !== province ? DIVISIONS[province] : undefined];
  if (code !== prefecture && code !== province) {
    const name = DIVISIONS[prefecture];
    if (name && !PLACEHOLDER.test(name)) parts.push(name);
  }
  return [...parts.filter(Boolean), own].join('');
}
