import { localDate, makeBin, makeIin } from '@kezek/domain';
import type { DemoIdentity } from './demo-dataset';

export const demoIdentity: DemoIdentity = {
  iin: (birthDate, sex, serial) => makeIin(localDate(birthDate), sex, serial),
  bin: (registeredOn, serial) => makeBin(localDate(registeredOn), serial),
};
