import { defineCatalog } from '../../i18n/define-catalog';

/** A staff member's own account: the password change required after a one-time password. */
export const messages = defineCatalog({
  kk: {
    account: {
      passwordTitle: 'Құпия сөзді ауыстыру',
      mustChange:
        'Сізге бір реттік құпия сөз берілген. Жұмысты жалғастыру үшін өзіңіздің жаңа құпия сөзіңізді орнатыңыз.',
      current: 'Қазіргі құпия сөз',
      next: 'Жаңа құпия сөз',
      nextHint: 'Кемінде 12 таңба. Басқа жерде қолданылмаған сөз тіркесін таңдаңыз.',
      repeat: 'Жаңа құпия сөзді қайталаңыз',
      required: 'Толтырыңыз.',
      tooShort: 'Кемінде 12 таңба болуы керек.',
      mismatch: 'Құпия сөздер сәйкес емес.',
      submit: 'Құпия сөзді сақтау',
      saving: 'Сақталуда…',
      link: 'Құпия сөз',
      ncalayer: {
        unavailable:
          'NCALayer іске қосылмаған. Оны pki.gov.kz сайтынан орнатып, іске қосыңыз да, қайталап көріңіз.',
        cancelled: 'Қол қою тоқтатылды. Кіру үшін кілтті таңдап, қайталап көріңіз.',
        refused: 'NCALayer қол қоймады: кілтті және оның құпия сөзін тексеріңіз.',
        timeout: 'NCALayer уақытында жауап бермеді. Қайталап көріңіз.',
      },
    },
  },
  ru: {
    account: {
      passwordTitle: 'Смена пароля',
      mustChange: 'Вам выдан одноразовый пароль. Чтобы продолжить работу, задайте свой новый пароль.',
      current: 'Текущий пароль',
      next: 'Новый пароль',
      nextHint: 'Не менее 12 символов. Выберите фразу, которую вы нигде больше не используете.',
      repeat: 'Повторите новый пароль',
      required: 'Заполните поле.',
      tooShort: 'Нужно не менее 12 символов.',
      mismatch: 'Пароли не совпадают.',
      submit: 'Сохранить пароль',
      saving: 'Сохранение…',
      link: 'Пароль',
      ncalayer: {
        unavailable: 'NCALayer не запущен. Установите его с сайта pki.gov.kz, запустите и попробуйте снова.',
        cancelled: 'Подписание отменено. Чтобы войти, выберите ключ и попробуйте снова.',
        refused: 'NCALayer не подписал: проверьте ключ и его пароль.',
        timeout: 'NCALayer не ответил вовремя. Попробуйте снова.',
      },
    },
  },
  en: {
    account: {
      passwordTitle: 'Change password',
      mustChange: 'You were given a one-time password. Set your own new password to go on.',
      current: 'Current password',
      next: 'New password',
      nextHint: 'At least 12 characters. Choose a phrase you use nowhere else.',
      repeat: 'Repeat the new password',
      required: 'Fill this in.',
      tooShort: 'It must be at least 12 characters.',
      mismatch: 'The passwords do not match.',
      submit: 'Save the password',
      saving: 'Saving…',
      link: 'Password',
      ncalayer: {
        unavailable: 'NCALayer is not running. Install it from pki.gov.kz, start it and try again.',
        cancelled: 'The signing was cancelled. Choose your key and try again to sign in.',
        refused: 'NCALayer did not sign: check the key and its password.',
        timeout: 'NCALayer did not answer in time. Try again.',
      },
    },
  },
});
