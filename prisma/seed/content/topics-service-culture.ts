import { topicsOf } from "./topic-seed";

// Block 2: the service direction — client focus, conflicts, stress, leadership and mentoring,
// serving people with disabilities. Conflicts and stress are what staff ask for most.
export const SERVICE_CULTURE_TOPICS = topicsOf("SERVICE_CULTURE", [
  {
    key: "client-basics",
    title: "Основы клиентоориентированного сервиса",
    description:
      "С этого тренинга начинают все новые сотрудники: работа центров госуслуг, принципы сотрудников «Мои документы» и Московский стандарт госуслуг на практике.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 8, maxParticipants: 16, status: "PLANNED", popularity: 4,
  },
  {
    key: "conflicts",
    title: "Конфликтные ситуации с заявителями: разбираем и отрабатываем",
    description:
      "Вместе с тренером прорабатываем самые разные ситуации, которые случаются в зале и у окна. Индивидуальный подход, вежливость и дружелюбие помогают погасить большинство конфликтов.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 16, popularity: 12,
  },
  {
    key: "stress",
    title: "Стресс-менеджмент: как сохранить силы в потоке посетителей",
    description:
      "Каждый день в центры «Мои документы» обращаются 70 тысяч москвичей. Техники быстрого восстановления между заявителями, дыхание, переключение, планирование смены.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 16, popularity: 10,
  },
  {
    key: "burnout",
    title: "Профилактика эмоционального выгорания",
    description:
      "Признаки выгорания у себя и коллег, ресурсы и границы. Семинар с психологом и разбором историй сотрудников.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 6,
  },
  {
    key: "leadership",
    title: "Лидерство для руководителей центров и их заместителей",
    description:
      "Стиль управления, делегирование, принятие решений в смене. Модульная программа для руководителей офисов и старших смен.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 14, popularity: 3,
  },
  {
    key: "mentoring",
    title: "Наставничество: как ввести нового сотрудника в работу",
    description:
      "План адаптации, первые смены в паре, обратная связь и типичные ошибки наставников. Для опытных специалистов, которых назначают наставниками.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 14, popularity: 4,
  },
  {
    key: "disability-culture",
    title: "Культура общения и обслуживания людей с инвалидностью и маломобильных групп населения",
    description:
      "Тренинг из программы приёма маломобильных граждан: этикет общения, помощь при передвижении, сопровождение, работа с собакой-проводником и индукционной петлёй.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 14, popularity: 6,
  },
  {
    key: "sign-language",
    title: "Основы русского жестового языка для специалистов",
    description:
      "Приветствие, базовые фразы приёма, числа и даты. Короткий практикум, после которого можно встретить глухого заявителя без переводчика.",
    format: "TRAINING", durationMinutes: 120, minParticipants: 6, maxParticipants: 12, popularity: 2,
  },
  {
    key: "elderly",
    title: "Пожилые заявители: темп, терпение и понятные объяснения",
    description:
      "Как говорить понятно без снисходительности, помогать с электронными услугами и распознавать мошеннические схемы, жертвами которых становятся пожилые.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 3,
  },
  {
    key: "business-communication",
    title: "Деловая коммуникация и деловая переписка",
    description:
      "Письменные ответы заявителям и ведомствам, служебные записки, тон и структура письма. Переписываем канцелярит в понятный текст.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 2,
  },
  {
    key: "phone",
    title: "Телефонные переговоры и ответы в мессенджерах",
    description:
      "Стандарты ответа по телефону, удержание звонка, переадресация. Как отвечать в чатах коротко, вежливо и без ошибок.",
    format: "WEBINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "difficult-clients",
    title: "Трудные заявители: агрессия, манипуляции, претензии",
    description:
      "Отработка в ролевых играх: крик у окна, угрозы жалобой, попытки получить услугу без документов. Когда и как звать администратора.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 14, popularity: 7,
  },
  {
    key: "time-management",
    title: "Тайм-менеджмент при сменном графике",
    description:
      "Планирование дня и недели, когда смены меняются, а поток посетителей непредсказуем. Практичные инструменты без сложных приложений.",
    format: "WEBINAR", durationMinutes: 90, minParticipants: 10, maxParticipants: 100, popularity: 2,
  },
  {
    key: "teamwork",
    title: "Командное взаимодействие в офисе",
    description:
      "Администратор зала, специалист, руководитель смены: как передавать заявителя друг другу без потерь и договариваться в загруженные часы.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 8, maxParticipants: 16,
  },
  {
    key: "feedback",
    title: "Обратная связь сотрудникам: как хвалить и как говорить о проблемах",
    description:
      "Модели обратной связи, разбор прослушанных разговоров, сложные беседы с подчинёнными. Для руководителей и наставников.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 24, popularity: 2,
  },
  {
    key: "hall-administrator",
    title: "Администратор-помощник в зале ожидания",
    description:
      "Встреча посетителя, предварительная консультация, проверка комплекта документов до окна. Что делать при очереди и при конфликте в зале.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 14, popularity: 3,
  },
  {
    key: "speech",
    title: "Культура речи: вежливые формулировки вместо канцелярита",
    description:
      "Фразы, которые раздражают заявителя, и чем их заменить. Короткий вебинар с упражнениями.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100, popularity: 2,
  },
  {
    key: "families",
    title: "Семьи с детьми в офисе: дружелюбная среда",
    description:
      "Обсуждаем опыт офисов: детские уголки, приоритетное обслуживание, как вести приём, когда ребёнок рядом.",
    format: "ROUND_TABLE", durationMinutes: 90, minParticipants: 6, maxParticipants: 15,
  },
  {
    key: "foreigners",
    title: "Иностранные заявители: межкультурная коммуникация",
    description:
      "Языковой барьер, культурные различия, работа с переводчиком. Простые фразы и наглядные подсказки для окна приёма.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30,
  },
  {
    key: "complaints",
    title: "Работа с жалобами и отзывами: от претензии к лояльности",
    description:
      "Как принять жалобу, ответить на отзыв в интернете и превратить недовольного заявителя в того, кто вернётся. Разбор реальных обращений.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 3,
  },
  {
    key: "best-practices",
    title: "Лучшие практики центров госуслуг: обмен опытом между офисами",
    description:
      "Лучшие практики должны переходить от одного центра к другому. Офисы-победители рассказывают, что у них сработало, остальные задают вопросы.",
    format: "ROUND_TABLE", durationMinutes: 120, minParticipants: 6, maxParticipants: 15, popularity: 3,
  },
  {
    key: "satisfaction",
    title: "Круглый стол руководителей: индекс удовлетворённости заявителей",
    description:
      "Что влияет на оценки посетителей, как читать результаты опросов и какие изменения в офисе дают заметный эффект.",
    format: "ROUND_TABLE", durationMinutes: 120, minParticipants: 6, maxParticipants: 12, status: "PLANNED",
  },
  {
    key: "appearance",
    title: "Корпоративный стиль и внешний вид сотрудника «Мои документы»",
    description:
      "Форменная одежда, бейдж, рабочее место — из чего складывается первое впечатление посетителя. Дистанционный модуль.",
    format: "DISTANCE", durationMinutes: 60, minParticipants: 5, maxParticipants: 50,
  },
  {
    key: "emotional-intelligence",
    title: "Эмоциональный интеллект в работе с людьми",
    description:
      "Распознавать эмоции заявителя и свои, управлять реакцией, сохранять контакт. Упражнения в парах и тройках.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 16, popularity: 4,
  },
  {
    key: "public-speaking",
    title: "Публичные выступления для наставников и руководителей",
    description:
      "Планёрка, собрание коллектива, выступление на городском семинаре. Структура речи, работа с волнением, ответы на вопросы.",
    format: "TRAINING", durationMinutes: 240, minParticipants: 6, maxParticipants: 12,
  },
  {
    key: "change-management",
    title: "Управление изменениями: как внедрять новые стандарты в коллективе",
    description:
      "Почему сотрудники сопротивляются новому и как руководителю провести изменения без потери качества обслуживания.",
    format: "SEMINAR", durationMinutes: 180, minParticipants: 8, maxParticipants: 24,
  },
  {
    key: "peak-hours",
    title: "Часы пик: управление потоком посетителей",
    description:
      "Прогноз нагрузки, перераспределение окон, работа администратора с очередью. Что можно сделать за десять минут, когда зал переполнен.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 30, popularity: 3,
  },
  {
    key: "apology",
    title: "Как признать ошибку и извиниться перед заявителем",
    description:
      "Когда офис действительно ошибся: слова, которые снимают напряжение, и обещания, которые нельзя давать.",
    format: "WEBINAR", durationMinutes: 60, minParticipants: 10, maxParticipants: 100,
  },
  {
    key: "team-conflicts",
    title: "Конфликты внутри коллектива: профилактика и разрешение",
    description:
      "Разговор руководителей смен о том, как не допустить, чтобы напряжение в команде сказывалось на заявителях.",
    format: "ROUND_TABLE", durationMinutes: 120, minParticipants: 6, maxParticipants: 15, popularity: 2,
  },
  {
    key: "motivation",
    title: "Нематериальная мотивация: инструменты руководителя смены",
    description:
      "Признание, развитие, участие в улучшениях офиса. Предложение сотрудников: обсудить, что реально работает в наших центрах.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 24, status: "NEW", popularity: 0.5,
  },
  {
    key: "crisis-support",
    title: "Психологическая первая помощь заявителю в кризисной ситуации",
    description:
      "Заявитель в горе, в панике, в слезах: что сказать и чего не делать, как позаботиться о себе после такого приёма.",
    format: "TRAINING", durationMinutes: 180, minParticipants: 6, maxParticipants: 14, status: "NEW", popularity: 0.6,
  },
  {
    key: "values",
    title: "Ценности и принципы сотрудников «Мои документы»",
    description:
      "Дистанционный курс для самостоятельного изучения с вебинаром-встречей с тренером: миссия, ценности, стандарты поведения.",
    format: "DISTANCE", durationMinutes: 90, minParticipants: 5, maxParticipants: 50,
  },
  {
    key: "sensory",
    title: "Заявители с нарушениями слуха и зрения",
    description:
      "Как организовать приём, пользоваться индукционной петлёй и брайлевскими материалами, сопровождать незрячего посетителя по офису.",
    format: "SEMINAR", durationMinutes: 120, minParticipants: 8, maxParticipants: 24, popularity: 2,
  },
  {
    key: "newcomers-day",
    title: "День адаптации для сотрудников, перешедших из других организаций",
    description:
      "Специальный тренинг для тех, кто пришёл из других ведомств и компаний: чем работа в центре госуслуг отличается и чего ждут москвичи.",
    format: "TRAINING", durationMinutes: 360, minParticipants: 8, maxParticipants: 16, status: "NEW", popularity: 0.5,
  },
]);
