import { topicsOf } from "./topic-seed";

// Block 1 of the Training Centre's programme: delivering the services themselves — regulations,
// documents, the information systems. Popularity follows what front-line staff ask about most.
export const SERVICE_DELIVERY_TOPICS = topicsOf("SERVICE_DELIVERY", [
  {
    key: "passport",
    title: "Паспорт гражданина РФ: приём документов без ошибок",
    description:
      "Выдача и замена паспорта в 20 и 45 лет, при смене фамилии и утрате. Разбираем типичные ошибки в заявлениях, требования к фотографиям и случаи, когда нужен запрос в МВД.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 14, popularity: 3,
  },
  {
    key: "foreign-passport",
    title: "Загранпаспорт нового образца: сложные случаи",
    description:
      "Оформление биометрического загранпаспорта взрослым и детям, трудовая деятельность за 10 лет, допуск к гостайне. Практикум на реальных заявлениях.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 2,
  },
  {
    key: "registration",
    title: "Регистрационный учёт по месту жительства и пребывания",
    description:
      "Регистрация и снятие с учёта, согласия собственников, регистрация несовершеннолетних. Как объяснить заявителю, каких документов не хватает.",
    format: "SEMINAR", durationMinutes: 180, minParticipants: 8, maxParticipants: 30, popularity: 2,
  },
  {
    key: "zags-birth",
    title: "Комплексная услуга «Рождение ребёнка»",
    description:
      "Регистрация рождения, СНИЛС, полис ОМС, пособия и регистрация по месту жительства — одним обращением. Порядок действий и проверка сведений в ЕГР ЗАГС.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "zags-marriage",
    title: "Регистрация брака и расторжения брака: что делает центр госуслуг",
    description:
      "Приём заявлений, выдача повторных свидетельств и справок из архива ЗАГС. Разграничение полномочий между офисом и органом ЗАГС.",
    format: "WEBINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "zags-death",
    title: "Услуги в связи со смертью близкого человека",
    description:
      "Регистрация смерти, пособие на погребение, переоформление лицевых счетов и социальных выплат. Как принять документы корректно и деликатно.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 14,
  },
  {
    key: "social-benefits",
    title: "Выплаты семьям с детьми: изменения 2026 года",
    description:
      "Единое пособие, городские выплаты, компенсации на питание. Что изменилось в регламентах, как считать доход семьи и отвечать на вопросы об отказах.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 10, maxParticipants: 40, popularity: 5,
  },
  {
    key: "social-card",
    title: "Социальная карта москвича: оформление, замена и перевыпуск",
    description:
      "Категории получателей, студенческая и школьная карта, перевыпуск при утрате. Частые вопросы о привязке к банку и сроках изготовления.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "pension",
    title: "Пенсионные услуги и взаимодействие с Социальным фондом",
    description:
      "Назначение пенсии, выписки из индивидуального лицевого счёта, материнский капитал. Какие заявления принимаем мы, а какие направляем в Социальный фонд.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 2,
  },
  {
    key: "housing-subsidy",
    title: "Субсидии на оплату жилья и коммунальных услуг",
    description:
      "Право на субсидию, расчёт совокупного дохода, продление и приостановка. Пошаговый разбор трёх сложных кейсов с перерасчётом.",
    format: "SEMINAR", durationMinutes: 180, minParticipants: 8, maxParticipants: 30, popularity: 2,
  },
  {
    key: "housing-epd",
    title: "Единый платёжный документ: разбор спорных начислений",
    description:
      "Круглый стол с представителями расчётного центра: перерасчёты, долги, показания приборов учёта. Собираем вопросы офисов заранее.",
    format: "ROUND_TABLE", durationMinutes: 120, minParticipants: 6, maxParticipants: 15,
  },
  {
    key: "housing-accounts",
    title: "Разделение и переоформление финансово-лицевых счетов",
    description:
      "Когда счёт можно разделить, какие согласия нужны, как оформить смену собственника. Типичные причины отказов и как их избежать.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "rosreestr",
    title: "Приём документов на регистрацию прав на недвижимость",
    description:
      "Государственная регистрация права и кадастровый учёт: комплектность пакета, доверенности, сделки с участием несовершеннолетних. Практикум с бланками.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 14, popularity: 2,
  },
  {
    key: "mosru",
    title: "Электронные услуги mos.ru: как помочь заявителю подать заявление самому",
    description:
      "Личный кабинет, популярные электронные услуги, вход через Госуслуги. Учимся быстро показывать посетителю путь в приложении, чтобы в следующий раз он не стоял в очереди.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 16, popularity: 7,
  },
  {
    key: "gosuslugi-account",
    title: "Учётная запись на Госуслугах: подтверждение и восстановление доступа",
    description:
      "Регистрация, подтверждение личности, восстановление доступа и смена номера телефона. Что делать, если учётная запись заблокирована.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100, popularity: 3,
  },
  {
    key: "queue",
    title: "Электронная очередь и предварительная запись",
    description:
      "Настройка окон, переадресация талонов, запись на удобное время. Как сократить ожидание в часы пик, не нарушая порядок очереди.",
    format: "DISTANCE", durationMinutes: 90, minParticipants: 5, maxParticipants: 50,
  },
  {
    key: "ais-mfc",
    title: "АИС МФЦ: новые функции и частые ошибки операторов",
    description:
      "Обзор последнего обновления автоматизированной системы: новые экранные формы, межведомственные запросы, статусы дел. Разбор ошибок, которые чаще всего возвращают дело на доработку.",
    format: "WEBINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 100, popularity: 5,
  },
  {
    key: "migration",
    title: "Миграционные услуги: патенты и уведомления о пребывании",
    description:
      "Приём документов на патент, уведомления о прибытии иностранных граждан, переоформление. Проверка документов иностранцев и требования к переводам.",
    format: "SEMINAR", durationMinutes: 180, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "transport",
    title: "Замена водительского удостоверения и услуги Госавтоинспекции",
    description:
      "Замена прав по истечении срока, международное удостоверение, регистрационные действия с транспортом. Медицинская справка и госпошлина: частые вопросы.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "school",
    title: "Запись в детский сад и школу: консультирование родителей",
    description:
      "Электронная запись, прикрепление к школе по адресу, перевод между учреждениями. Как спокойно объяснить родителям правила приёма.",
    format: "WEBINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "parking",
    title: "Парковочные разрешения для жителей, многодетных и людей с инвалидностью",
    description:
      "Резидентные и льготные парковочные разрешения, внесение в федеральный реестр инвалидов. Разбор отказов и сроков рассмотрения.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "moscow-standard",
    title: "Московский стандарт госуслуг: сроки, качество, ответственность",
    description:
      "Свод правил, предложенных самими москвичами: время ожидания, вежливость, «одно окно». Что проверяет контроль качества и как стандарт меняет работу специалиста.",
    format: "SEMINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 40, popularity: 2,
  },
  {
    key: "personal-data",
    title: "Персональные данные и информационная безопасность специалиста",
    description:
      "Что можно и чего нельзя сообщать по телефону и третьим лицам, работа с копиями документов, фишинг и социальная инженерия.",
    format: "DISTANCE", durationMinutes: 60, minParticipants: 5, maxParticipants: 50, popularity: 2,
  },
  {
    key: "document-checks",
    title: "Проверка подлинности документов: признаки подделки",
    description:
      "Защитные элементы паспорта, свидетельств ЗАГС и доверенностей. Практикум с образцами и порядок действий при подозрении на подделку.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 14, popularity: 3,
  },
  {
    key: "archive",
    title: "Архивные справки и запросы в городские архивы",
    description:
      "Справки о стаже и заработной плате, архивные копии решений. Как правильно сформулировать запрос, чтобы не получить отказ.",
    format: "DISTANCE", durationMinutes: 60, minParticipants: 5, maxParticipants: 50,
  },
  {
    key: "regulations-review",
    title: "Изменения административных регламентов: ежемесячный обзор",
    description:
      "Короткий обзор всех изменений регламентов за месяц с примерами, что теперь говорить заявителю. Вопросы можно прислать заранее.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100, status: "PLANNED", popularity: 5,
  },
  {
    key: "large-families",
    title: "Статус многодетной семьи: удостоверение и льготы",
    description:
      "Оформление и продление удостоверения многодетной семьи, городские льготы и компенсации. Особые случаи: опека, раздельное проживание родителей.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "disability-services",
    title: "Услуги для людей с инвалидностью: компенсации и технические средства",
    description:
      "Компенсации за технические средства реабилитации, такси и парковка, санаторно-курортное лечение. Какие сведения мы получаем по межведомственным запросам.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "employment",
    title: "Услуги занятости: регистрация безработных и поиск работы",
    description:
      "Регистрация в качестве ищущего работу, пособие по безработице, переобучение. Как направить заявителя в центр занятости «Моя работа».",
    format: "WEBINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 100, status: "NEW", popularity: 0.4,
  },
  {
    key: "e-signature",
    title: "Электронная подпись и электронные документы для заявителей",
    description:
      "Простая, усиленная и квалифицированная подпись: что нужно для какой услуги. Как проверить электронный документ, который принёс заявитель.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "tax",
    title: "Налоговые услуги в центрах госуслуг: вычеты, ИНН, справки",
    description:
      "Приём заявлений на налоговые вычеты, выдача ИНН и справок об отсутствии задолженности. Где граница между консультацией и налоговым советом.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "onboarding-delivery",
    title: "Первые 30 дней специалиста: базовые услуги и рабочее место",
    description:
      "Для новых и переходящих из других организаций сотрудников: топ-20 услуг, рабочее место оператора, взаимодействие с администратором зала и наставником.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 16, popularity: 3,
  },
  {
    key: "military",
    title: "Воинский учёт: услуги для граждан и призывников",
    description:
      "Постановка на воинский учёт, изменение сведений, выдача справок. Короткий дистанционный модуль с тестом в конце.",
    format: "DISTANCE", durationMinutes: 60, minParticipants: 5, maxParticipants: 50, status: "NEW", popularity: 0.4,
  },
  {
    key: "self-service",
    title: "Зона самообслуживания: инфоматы и помощь посетителям",
    description:
      "Какие услуги посетитель может получить сам, как помочь ему у инфомата и при этом не взять работу за него. Отработка подсказок в зале.",
    format: "TRAINING", durationMinutes: 120, minParticipants: 6, maxParticipants: 12, status: "NEW", popularity: 0.5,
  },
]);
