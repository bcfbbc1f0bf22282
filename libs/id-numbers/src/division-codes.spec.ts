import { citizenCheckCharacter, parseCitizenNumber } from './citizen-number';
import { divisionKnown, divisionName } from './division-codes';

const withCheck = (first17: string) => `${first17}${citizenCheckCharacter(first17)}`;

describe('GB/T 2260 division codes', () => {
  it('knows codes in use today at every level', () => {
    expect(divisionName('110000')).toBe('北京市');
    expect(divisionName('440300')).toBe('广东省深圳市');
    expect(divisionName('110105')).toBe('北京市朝阳区');
    expect(divisionName('330110')).toBe('浙江省杭州市余杭区');
    // A county the province administers directly: no prefecture in its name.
    expect(divisionName('429004')).toBe('湖北省仙桃市');
  });

  it('keeps codes retired long ago, which the numbers of older holders still carry', () => {
    // 崇文区 and 宣武区 were merged into 东城区 and 西城区 in 2010.
    expect(divisionName('110103')).toBe('北京市崇文区');
    expect(divisionName('110104')).toBe('北京市宣武区');
    // 南川县 of 涪陵地区, Sichuan, in the 1980s; part of Chongqing since 1997.
    expect(divisionName('512323')).toBe('四川省涪陵地区南川县');
    // 通县, Beijing, before it became 通州区 in 1997.
    expect(divisionKnown('110223')).toBe(true);
    // 莱芜市 (prefecture-level), merged into Jinan in 2019.
    expect(divisionKnown('371200')).toBe(true);
  });

  it('refuses what was never a code', () => {
    for (const code of ['000000', '110199', '999999', '11010', '1101051', 'abcdef', '830000'])
      expect(divisionKnown(code)).toBe(false);
    expect(divisionName('999999')).toBeNull();
  });

  it('puts regionKnown on a parsed number: a division for a resident, exactly 81/82/83 + 0000 for a permit', () => {
    expect(parseCitizenNumber(withCheck('51232319700101001'))!.regionKnown).toBe(true);
    expect(parseCitizenNumber(withCheck('99000019700101001'))!.regionKnown).toBe(false);
    expect(parseCitizenNumber(withCheck('11019919700101001'))!.regionKnown).toBe(false);
    for (const region of ['81', '82', '83']) {
      expect(parseCitizenNumber(withCheck(`${region}000019900101001`))!.regionKnown).toBe(true);
      expect(parseCitizenNumber(withCheck(`${region}010119900101001`))!.regionKnown).toBe(false);
    }
  });
});
