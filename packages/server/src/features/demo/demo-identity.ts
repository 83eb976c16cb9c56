import { makeBin, makeIin } from '@kezek/domain';
import type { DemoIdentity } from './demo-dataset';

export const demoIdentity: DemoIdentity = {
  iin: (birthDate, sex, serial) => makeIin(birthDate, sex, serial),
  bin: (registeredOn, serial) => makeBin(registeredOn, serial),
};
