// The demo workspace: the Russia – US/NATO exchange on security guarantees, winter 2021–22,
// built from the five articles in prisma/demo/corpus/. Every `exact` below is copied verbatim
// from its article (typographic quotes, dashes and non-breaking spaces written as \u escapes).

import type { WorkspaceFixture } from "@/tests/support/fixture/types";

export const securityGuarantees: WorkspaceFixture = {
  slug: "security-guarantees",
  title: "Russia – US/NATO security guarantees, 2021–22",
  description:
    "Russia's demand for legally binding security guarantees and the US and NATO replies, from Moscow's December 2021 draft treaties through the January talks in Geneva, Brussels and Vienna and the written responses of 26 January, to Lavrov's remarks of mid-February 2022. Built from five news articles.",

  parties: [
    { key: "russia", name: "Russia", shortName: "RU", colour: "#b91c1c" },
    { key: "us", name: "United States", shortName: "US", colour: "#1d4ed8" },
    { key: "nato", name: "NATO", shortName: "NATO", colour: "#0f766e" },
  ],

  issues: [
    {
      key: "non-expansion",
      title: "NATO non-expansion vs. the open-door policy",
      description:
        'Whether NATO stops enlarging eastward, as Russia demands, or keeps its "open door" to any country that chooses to join.',
    },
    {
      key: "binding-guarantees",
      title: "Legally binding guarantees vs. a moratorium on enlargement",
      description:
        "Whether Russia's security guarantees take the form of a legally binding commitment or something weaker, such as a moratorium on NATO's geographic expansion.",
    },
    {
      key: "inf-missiles",
      title: "Moratorium on INF-range missiles in Europe",
      description: "A moratorium on deploying intermediate- and shorter-range (INF-range) missiles in Europe.",
    },
    {
      key: "strike-weapons",
      title: "Offensive strike weapons in Ukraine and near Russia",
      description:
        "Whether offensive missile systems and other strike weapons may be deployed in Ukraine or other territories from which they could threaten Russia.",
    },
    {
      key: "exercises",
      title: "Military exercises and a low-activity corridor",
      description:
        'Limits on, and transparency of, military exercises and manoeuvres in Europe, including a proposed "corridor of low activity".',
    },
    {
      key: "military-contacts",
      title: "Military contacts and a civilian hotline",
      description:
        "Risk-reduction channels between Russia and NATO: contacts between the militaries and a civilian hotline.",
    },
    {
      key: "missions",
      title: "NATO office in Moscow and Russian mission in Brussels",
      description: "Restoring NATO's office in Moscow and Russia's mission to NATO in Brussels.",
    },
    {
      key: "arms-control",
      title: "Arms control, transparency and confidence-building",
      description:
        "Arms-control measures, greater military transparency, risk reduction and confidence-building measures in Europe.",
    },
    {
      key: "force-withdrawal",
      title: "Withdrawal of Russian forces from Ukraine, Georgia and Moldova",
      description:
        "NATO's call for Russia to withdraw the troops it keeps in Ukraine, Georgia and Moldova against those countries' will.",
    },
  ],

  people: [
    {
      key: "lavrov",
      name: "Sergei Lavrov",
      aliases: ["Sergey Lavrov", "Lavrov"],
      role: "Minister of Foreign Affairs of Russia",
      party: "russia",
    },
    {
      key: "peskov",
      name: "Dmitry Peskov",
      aliases: ["Peskov"],
      role: "Kremlin spokesman",
      party: "russia",
    },
    {
      key: "blinken",
      name: "Antony Blinken",
      aliases: ["Anthony Blinken", "Blinken"],
      role: "US Secretary of State",
      party: "us",
    },
    {
      key: "stoltenberg",
      name: "Jens Stoltenberg",
      aliases: ["Stoltenberg"],
      role: "NATO Secretary General",
      party: "nato",
    },
    {
      key: "kortunov",
      name: "Andrey Kortunov",
      aliases: ["Andrei Kortunov", "Kortunov"],
      role: "Director General",
      organisation: "Russian International Affairs Council (RIAC)",
    },
    {
      key: "lukyanov",
      name: "Fyodor Lukyanov",
      aliases: ["Lukyanov"],
      role: "Research Director",
      organisation: "Valdai International Discussion Club",
    },
    {
      key: "weitz",
      name: "Richard Weitz",
      aliases: ["Weitz"],
      role: "Director, Center for Military-Political Analysis",
      organisation: "Hudson Institute",
    },
  ],

  documents: [
    {
      key: "tass-jan11",
      file: "001_917121954e88cef5.txt",
      title: "US sidestepped some thorniest issues in talks with Russia, leaving them to NATO — expert",
      outlet: "TASS",
      url: "",
      language: "en",
      publishedOn: "2022-01-11",
    },
    {
      key: "rbc-jan27",
      file: "004_a0234a12196ec47a.txt",
      title: "Moscow skeptical of US and NATO responses on security guarantees",
      outlet: "RBC",
      url: "",
      language: "en",
      publishedOn: "2022-01-27",
    },
    {
      key: "tass-feb02",
      file: "000_21c164bc922e1b6b.txt",
      title: "Russia not going to discuss minor security issues with US, NATO yet — expert",
      outlet: "TASS",
      url: "",
      language: "en",
      publishedOn: "2022-02-02",
    },
    {
      key: "lenta-feb14",
      file: "002_985d4439f90edc8d.txt",
      title: "RIAC Director General Kortunov said that Russia cannot be satisfied with the answers of the US and NATO",
      outlet: "Lenta.ru",
      url: "",
      language: "en",
      publishedOn: "2022-02-14",
    },
    {
      key: "tass-feb16",
      file: "003_68635443282a5ed9.txt",
      title: "Russia is ready for security talks with West if they don’t scuttle Russia’s demands",
      outlet: "Unnamed outlet (citing TASS)",
      url: "",
      language: "en",
      publishedOn: "2022-02-16",
    },
  ],

  evidence: [
    // ── TASS, 11 January 2022: Kortunov on the Geneva talks ──────────────────────────────
    {
      key: "kortunov-us-delegated",
      document: "tass-jan11",
      exact:
        "delegated the hardest and potentially the thorniest issues to the Russia-NATO Council that\u2019s due to take place tomorrow",
      speaker: "kortunov",
      saidOn: "2022-01-11",
      kind: "EXPERT_ASSESSMENT",
      note: "On the US approach at the Geneva talks of 10 January.",
    },
    {
      key: "kortunov-us-without-ukraine-nato",
      document: "tass-jan11",
      exact:
        "The US side consistently said they couldn\u2019t discuss Ukraine issues without Ukraine, and NATO issues without NATO.",
      speaker: "kortunov",
      saidOn: "2022-01-11",
      kind: "EXPERT_ASSESSMENT",
      note: "Reports what the US side said in Geneva on 10 January.",
    },
    {
      key: "kortunov-geneva-missiles-progress",
      document: "tass-jan11",
      exact:
        "The results of the bilateral talks showed the countries could make some progress about the deployment of US short and medium-range missiles in Europe or some other bilateral arms control issues",
      speaker: "kortunov",
      saidOn: "2022-01-11",
      kind: "EXPERT_ASSESSMENT",
      note: "Outcome of the US–Russia talks in Geneva, 10 January.",
    },
    {
      key: "kortunov-nato-decline-binding",
      document: "tass-jan11",
      exact:
        "He said while NATO would decline to give legally binding guarantees to Moscow that it won\u2019t expand eastward, the bloc is also unlikely to proceed with such expansion in the next few years.",
      speaker: "kortunov",
      saidOn: "2022-01-11",
      kind: "EXPERT_ASSESSMENT",
      note: "A forecast made before the Russia–NATO Council of 12 January.",
    },
    {
      key: "kortunov-moratorium-idea",
      document: "tass-jan11",
      exact:
        "That could potentially be formalized as a moratorium on the geographic expansion of the North Atlantic alliance to the east",
      speaker: "kortunov",
      saidOn: "2022-01-11",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "kortunov-sufficient-compromise",
      document: "tass-jan11",
      exact:
        "But it\u2019s hard to say yet whether it\u2019ll be sufficient for Russia and could be a foundation for a compromise",
      speaker: "kortunov",
      saidOn: "2022-01-11",
      kind: "EXPERT_ASSESSMENT",
    },

    // ── RBC, 27 January 2022: the written responses and Moscow's first reactions ────────
    {
      key: "blinken-document-contents",
      document: "rbc-jan27",
      exact:
        "The document we handed over includes the concerns of the United States and its allies and partners regarding Russian actions that undermine security, an assessment of the topics of concern to Russia, in essence, and our own ideas in areas where we could find common ground",
      speaker: "blinken",
      saidOn: "2022-01-26",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "blinken-areas-for-discussion",
      document: "rbc-jan27",
      exact:
        "Among the areas for discussion, the Secretary of State highlighted the deployment of offensive missile systems in Ukraine, military exercises and maneuvers in Europe, potential arms control measures, greater transparency, and various risk mitigation measures.",
      speaker: "blinken",
      saidOn: "2022-01-26",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "blinken-open-to-dialogue",
      document: "rbc-jan27",
      exact:
        "We are open to dialogue, we prefer diplomacy, and we are ready to move forward where communication and cooperation is possible if Russia chooses to de-escalate its aggression against Ukraine, stop its provocative rhetoric and move towards a dialogue on future security in Europe.",
      speaker: "blinken",
      saidOn: "2022-01-26",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "blinken-open-doors",
      document: "rbc-jan27",
      exact: "He also again reminded that Washington will not abandon the policy of \u201copen doors\u201d",
      speaker: "blinken",
      saidOn: "2022-01-26",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "stoltenberg-open-doors",
      document: "rbc-jan27",
      exact:
        "He said that NATO will continue to adhere to the policy of \u201copen doors\u201d and will respect any choice of Ukraine.",
      speaker: "stoltenberg",
      saidOn: "2022-01-26",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "stoltenberg-main-principles",
      document: "rbc-jan27",
      exact:
        "We have made it clear that we will not compromise on our main principles, and one of them is that any country has the right to choose its own path",
      speaker: "stoltenberg",
      saidOn: "2022-01-26",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "stoltenberg-three-areas",
      document: "rbc-jan27",
      exact:
        "Stoltenberg named three areas in which the alliance could interact with Russia, namely: the restoration of offices in Moscow and Brussels, the establishment of contacts between the military and the creation of a civilian hotline; dialogue on European security; efforts to reduce risks, increase transparency and control over arms.",
      speaker: "stoltenberg",
      saidOn: "2022-01-26",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "stoltenberg-joint-briefings",
      document: "rbc-jan27",
      exact:
        "Stoltenberg, in particular, mentioned the holding of joint briefings within the Russia \u2014NATO Council, which the parties could go to.",
      speaker: "stoltenberg",
      saidOn: "2022-01-26",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "stoltenberg-withdraw-troops",
      document: "rbc-jan27",
      exact:
        "Finally, the NATO Secretary General called on Russia to withdraw its troops from Ukraine, Georgia and Moldova, where they, according to him, are against the will of these countries.",
      speaker: "stoltenberg",
      saidOn: "2022-01-26",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-secondary-issues",
      document: "rbc-jan27",
      exact:
        "According to him, the American response allows us to count on the beginning of a serious conversation, but about secondary issues.",
      speaker: "lavrov",
      saidOn: "2022-01-27",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-no-positive-reaction",
      document: "rbc-jan27",
      exact: "There is no positive reaction on the main issue in this document",
      speaker: "lavrov",
      saidOn: "2022-01-27",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "lavrov-main-demand",
      document: "rbc-jan27",
      exact:
        "He recalled that Moscow's main demand is the non-expansion of NATO to the east and the deployment of strike weapons in such territories that could threaten Russia.",
      speaker: "lavrov",
      saidOn: "2022-01-27",
      kind: "REPORTED_SPEECH",
      note: "Lavrov recalls the demands Russia put forward in December 2021.",
    },
    {
      key: "lavrov-considered-as-whole",
      document: "rbc-jan27",
      exact:
        "Lavrov added that the responses received from the United States and NATO will be considered as a whole, and after interdepartmental coordination, they will be reported to the President of Russia.",
      speaker: "lavrov",
      saidOn: "2022-01-27",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "peskov-rejection-main-concerns",
      document: "rbc-jan27",
      exact: "clearly stated their rejection of the main concerns that were outlined by the Russian Federation.",
      speaker: "peskov",
      saidOn: "2022-01-27",
      kind: "DIRECT_QUOTE",
      note: "Peskov on what Blinken and Stoltenberg said at their press conferences of 26 January.",
    },
    {
      key: "peskov-not-much-optimism",
      document: "rbc-jan27",
      exact:
        "Based on this, there is not much cause for optimism. But I still would refrain from making any conceptual assessments",
      speaker: "peskov",
      saidOn: "2022-01-27",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "peskov-prospects-for-dialogue",
      document: "rbc-jan27",
      exact:
        "There are and should always be prospects for continuing the dialogue, this is both in our interests and in the interests of the Americans.",
      speaker: "peskov",
      saidOn: "2022-01-27",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "peskov-draft-documents",
      document: "rbc-jan27",
      exact:
        "But as regards the substantive dialogue on the draft documents that we have submitted, there are issues of a different nature here.",
      speaker: "peskov",
      saidOn: "2022-01-27",
      kind: "DIRECT_QUOTE",
      note: "Refers to the draft treaties Russia submitted in December 2021.",
    },
    {
      key: "kortunov-nothing-to-talk-about",
      document: "rbc-jan27",
      exact:
        "Moscow can say that since the main Russian demands have not been met, there is nothing to talk about, because without solving the main problems, the Russian security situation cannot be improved.",
      speaker: "kortunov",
      saidOn: "2022-01-27",
      kind: "EXPERT_ASSESSMENT",
      note: "The first of two scenarios Kortunov sets out.",
    },
    {
      key: "kortunov-something-better-than-nothing",
      document: "rbc-jan27",
      exact:
        "Then it would be possible to talk about topics where mutual understanding is planned, including a moratorium on medium-range and shorter-range missiles, security Russia\u2014 NATO and the corridor of low activity.",
      speaker: "kortunov",
      saidOn: "2022-01-27",
      kind: "EXPERT_ASSESSMENT",
      note: 'The second scenario: "something is better than nothing".',
    },
    {
      key: "kortunov-arms-control-possible",
      document: "rbc-jan27",
      exact: "Arms control talks are also possible, the expert does not rule out.",
      speaker: "kortunov",
      saidOn: "2022-01-27",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "weitz-expect-rejection",
      document: "rbc-jan27",
      exact:
        "I expect the Russian government to reject the US and NATO responses as insufficient. Then everything depends on the decision of President Putin.",
      speaker: "weitz",
      saidOn: "2022-01-27",
      kind: "EXPERT_ASSESSMENT",
    },

    // ── TASS, 2 February 2022: Lukyanov on the leaked responses ─────────────────────────
    {
      key: "elpais-leak-summary",
      document: "tass-feb02",
      exact:
        "According to the document, the US and NATO are willing to address some European security issues but do not agree with Moscow's key demands, in particular, relating to the alliance's non-expansion.",
      saidOn: "2022-01-26",
      kind: "OFFICIAL_DOCUMENT",
      note: "TASS's summary of the 26 January responses as published by El País on 2 February; their authenticity was not officially confirmed.",
    },
    {
      key: "lukyanov-constructive-not-ready",
      document: "tass-feb02",
      exact:
        "The US and NATO response to Moscow's proposals on security guarantees, which were published by El Pais, is constructive, but Russia is not ready for dialogue on the secondary security issues yet",
      speaker: "lukyanov",
      saidOn: "2022-02-02",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "lukyanov-expected-constructive",
      document: "tass-feb02",
      exact:
        "The [US] response, in my opinion, is absolutely expected and, overall, if one removes all the background, quite constructive",
      speaker: "lukyanov",
      saidOn: "2022-02-02",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "lukyanov-secondary-after-political",
      document: "tass-feb02",
      exact:
        "Yes, it is secondary, according to Moscow's view, however, it is still perceived, including by our country, as a significant thing that needs to be addressed, but only after some mutual understanding on political issues is reached",
      speaker: "lukyanov",
      saidOn: "2022-02-02",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "lukyanov-no-mutual-understanding",
      document: "tass-feb02",
      exact:
        "No mutual understanding on political issues has been reached so far, but it was not expected, since one should not expect NATO and the US to clean up its act after such a tough demand put forward by Russia",
      speaker: "lukyanov",
      saidOn: "2022-02-02",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "lukyanov-debates-revived",
      document: "tass-feb02",
      exact: "The debates revived, including on some issues that the US were not even going to discuss two months ago.",
      speaker: "lukyanov",
      saidOn: "2022-02-02",
      kind: "EXPERT_ASSESSMENT",
    },

    // ── Lenta.ru, 14 February 2022: Lavrov reports to Putin; Kortunov comments ─────────
    {
      key: "lavrov-opportunity-to-agree",
      document: "lenta-feb14",
      exact:
        "At an official meeting with Russian President Vladimir Putin, Sergei Lavrov said that Russia has the opportunity to agree with the North Atlantic Alliance on security guarantees in Europe.",
      speaker: "lavrov",
      saidOn: "2022-02-14",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-no-endless-talks",
      document: "lenta-feb14",
      exact:
        "The Foreign Minister reminded the President that the Russian side in the dialogue with NATO insists on the inadmissibility of endless talks on issues that need to be resolved now.",
      speaker: "lavrov",
      saidOn: "2022-02-14",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-always-a-chance-putin",
      document: "lenta-feb14",
      exact:
        "As head of the Foreign Ministry, I must say that there is always a chance (\u2026) Still, our consistent explanatory work and commitment to explaining our rightness while being ready to listen to serious counterarguments: it seems to me that the possibilities are far from being exhausted",
      speaker: "lavrov",
      saidOn: "2022-02-14",
      kind: "DIRECT_QUOTE",
      note: "Set as a pull quote, without quotation marks.",
    },
    {
      key: "lavrov-reaction-formulated",
      document: "lenta-feb14",
      exact:
        "In addition, the Russian Foreign Minister said that Moscow's reaction to the written responses from NATO and the EU had already been formulated.",
      speaker: "lavrov",
      saidOn: "2022-02-14",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "kortunov-slam-the-door",
      document: "lenta-feb14",
      exact:
        "The alternative [to negotiations] is to slam the door and end the conversation. If this is not done, then there is probably [there is] hope that the negotiation process will continue, and this, in turn, means that we are unlikely to focus on military-technical means of ensuring our security",
      speaker: "kortunov",
      saidOn: "2022-02-14",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "kortunov-cannot-be-satisfied",
      document: "lenta-feb14",
      exact:
        "he noted that Russia cannot in any way be satisfied with the responses of the US and NATO to proposals for security guarantees in the current political situation",
      speaker: "kortunov",
      saidOn: "2022-02-14",
      kind: "EXPERT_ASSESSMENT",
    },
    {
      key: "kortunov-not-so-little",
      document: "lenta-feb14",
      exact:
        "But if you look at what our Western partners have agreed to, then in general it is not so little. If they had gone for it, say, six months ago, it would have been considered a big political victory for the Russian Federation",
      speaker: "kortunov",
      saidOn: "2022-02-14",
      kind: "EXPERT_ASSESSMENT",
    },

    // ── 16 February 2022 (citing TASS): Lavrov on talks on the West's terms ─────────────
    {
      key: "lavrov-ready-if-demands-kept",
      document: "tass-feb16",
      exact:
        "Russia is ready for talks that the West offered to conduct on certain security issues if it doesn\u2019t mean putting aside the country\u2019s crucial demands such as halting NATO\u2019s eastward expansion",
      speaker: "lavrov",
      saidOn: "2022-02-16",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-positive-step-not-at-expense",
      document: "tass-feb16",
      exact:
        "We believe it\u2019s a positive step and will be ready for this dialogue but not at the expense of clarification of the principled issues of our position, which concern the need to put a stop to NATO\u2019s headlong expansion to the east and look for other ways of providing security for all the Euro-Atlantic countries",
      speaker: "lavrov",
      saidOn: "2022-02-16",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "lavrov-west-presents-as-own",
      document: "tass-feb16",
      exact:
        "Lavrov said the West is now presenting Russia\u2019s proposals, which it rejected over the past two or three years, as its own.",
      speaker: "lavrov",
      saidOn: "2022-02-16",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-forced-to-agree",
      document: "tass-feb16",
      exact:
        "Now that we have brought the issue of security in Europe into focus, [the West] is forced to agree to them and even presented them as its own initiatives",
      speaker: "lavrov",
      saidOn: "2022-02-16",
      kind: "DIRECT_QUOTE",
    },
    {
      key: "lavrov-putin-moratorium-cbms",
      document: "tass-feb16",
      exact:
        "In particular, Lavrov said he referred to the proposal by Russian President Vladimir Putin to declare a moratorium on the deployment of medium-range and short-range missiles in Europe, as well as some initiatives from the General Staff that were submitted to NATO for consideration, including confidence-building measures and military dialogue.",
      speaker: "lavrov",
      saidOn: "2022-02-16",
      kind: "REPORTED_SPEECH",
    },
    {
      key: "lavrov-west-outlined-areas",
      document: "tass-feb16",
      exact:
        "Now the West has outlined all these areas in its responses, which we received, expressing readiness to conduct a serious dialogue on these issues",
      speaker: "lavrov",
      saidOn: "2022-02-16",
      kind: "DIRECT_QUOTE",
      note: "On the written responses of 26 January.",
    },
    {
      key: "lavrov-always-a-chance-tass",
      document: "tass-feb16",
      exact:
        'When asked by the head of state whether there is a chance to reach an agreement on issues of concern with Western partners, the minister answered in the affirmative, saying that "there is always a chance."',
      speaker: "lavrov",
      saidOn: "2022-02-14",
      kind: "REPORTED_SPEECH",
      note: "Lavrov's meeting with Putin on Monday, 14 February.",
    },
    {
      key: "putin-lavrov-binding-proposals",
      document: "tass-feb16",
      exact:
        "On Monday, Putin and Lavrov discussed the response by the US and NATO to Russian proposals for long-term, legally binding security guarantees.",
      speaker: "lavrov",
      saidOn: "2022-02-14",
      kind: "REPORTED_SPEECH",
      note: "Describes Russia's December 2021 proposals as long-term, legally binding guarantees.",
    },
    {
      key: "responses-no-crucial-concessions",
      document: "tass-feb16",
      exact:
        "According to these statements, the West did not make concessions that were crucial for Russia, but set out areas for further talks.",
      saidOn: "2022-01-26",
      kind: "OFFICIAL_DOCUMENT",
      note: "TASS's summary of the 26 January responses as outlined by Blinken and Stoltenberg.",
    },
  ],

  statements: [
    // ── Russia ──────────────────────────────────────────────────────────────────────────
    {
      party: "russia",
      issue: "non-expansion",
      position: "DEMANDS",
      summary:
        "In its December draft treaties Russia demands an end to NATO's expansion to the east, which it calls its main demand.",
      statedOn: "2021-12-17",
      redLine: true,
      evidence: [
        { key: "lavrov-main-demand", relation: "SUPPORTS" },
        { key: "peskov-draft-documents", relation: "CONTEXT" },
        { key: "kortunov-nato-decline-binding", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "non-expansion",
      position: "DEMANDS",
      summary:
        'Russia says the written responses contain "no positive reaction on the main issue" and keeps NATO non-expansion as its main demand; the Kremlin says the US and NATO rejected its main concerns.',
      statedOn: "2022-01-27",
      redLine: true,
      evidence: [
        { key: "lavrov-no-positive-reaction", relation: "SUPPORTS" },
        { key: "lavrov-main-demand", relation: "SUPPORTS" },
        { key: "peskov-rejection-main-concerns", relation: "SUPPORTS" },
        { key: "peskov-not-much-optimism", relation: "SUPPORTS" },
        { key: "kortunov-nothing-to-talk-about", relation: "CONTEXT" },
        { key: "weitz-expect-rejection", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "non-expansion",
      position: "DEMANDS",
      summary:
        "Russia will take up the talks the West offered, but not at the expense of its principled demand to stop NATO's expansion to the east.",
      statedOn: "2022-02-16",
      redLine: true,
      evidence: [
        { key: "lavrov-ready-if-demands-kept", relation: "SUPPORTS" },
        { key: "lavrov-positive-step-not-at-expense", relation: "SUPPORTS" },
        { key: "lukyanov-no-mutual-understanding", relation: "CONTEXT" },
        { key: "kortunov-cannot-be-satisfied", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "binding-guarantees",
      position: "DEMANDS",
      summary:
        "Russia proposes long-term, legally binding security guarantees from the US and NATO, set out in draft treaty documents.",
      statedOn: "2021-12-17",
      evidence: [
        { key: "putin-lavrov-binding-proposals", relation: "SUPPORTS" },
        { key: "peskov-draft-documents", relation: "SUPPORTS" },
        { key: "kortunov-nato-decline-binding", relation: "CONTEXT" },
        { key: "kortunov-moratorium-idea", relation: "CONTEXT" },
        { key: "kortunov-sufficient-compromise", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "binding-guarantees",
      position: "DEMANDS",
      summary:
        'Lavrov tells Putin there is "always a chance" of agreeing security guarantees with NATO, but Russia rejects endless talks on issues it says must be resolved now; its reply to the responses is ready.',
      statedOn: "2022-02-14",
      evidence: [
        { key: "lavrov-opportunity-to-agree", relation: "SUPPORTS" },
        { key: "lavrov-no-endless-talks", relation: "SUPPORTS" },
        { key: "lavrov-always-a-chance-putin", relation: "SUPPORTS" },
        { key: "lavrov-always-a-chance-tass", relation: "SUPPORTS" },
        { key: "putin-lavrov-binding-proposals", relation: "SUPPORTS" },
        { key: "lavrov-reaction-formulated", relation: "CONTEXT" },
        { key: "kortunov-slam-the-door", relation: "CONTEXT" },
        { key: "kortunov-cannot-be-satisfied", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "inf-missiles",
      position: "OPEN",
      summary:
        "At the Geneva talks Russia discusses with the US the deployment of US short- and medium-range missiles in Europe, an area where progress looks possible.",
      statedOn: "2022-01-10",
      evidence: [{ key: "kortunov-geneva-missiles-progress", relation: "SUPPORTS" }],
    },
    {
      party: "russia",
      issue: "inf-missiles",
      position: "CONDITIONAL",
      summary:
        "Russia treats the missile and other arms-control topics in the US response as secondary: they allow a serious conversation, but the main issue received no positive reaction.",
      statedOn: "2022-01-27",
      evidence: [
        { key: "lavrov-secondary-issues", relation: "SUPPORTS" },
        { key: "lavrov-no-positive-reaction", relation: "CONTEXT" },
        { key: "kortunov-something-better-than-nothing", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "inf-missiles",
      position: "SUPPORTS",
      summary:
        "Russia says the moratorium on medium- and short-range missiles in Europe is Putin's own proposal, now taken up in the West's responses; it calls this a positive step and is ready to discuss it, though not at the expense of its main demands.",
      statedOn: "2022-02-16",
      evidence: [
        { key: "lavrov-putin-moratorium-cbms", relation: "SUPPORTS" },
        { key: "lavrov-west-outlined-areas", relation: "SUPPORTS" },
        { key: "lavrov-west-presents-as-own", relation: "SUPPORTS" },
        { key: "lavrov-forced-to-agree", relation: "SUPPORTS" },
        { key: "lavrov-positive-step-not-at-expense", relation: "SUPPORTS" },
        { key: "lukyanov-debates-revived", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "strike-weapons",
      position: "DEMANDS",
      summary:
        "Russia demands that no strike weapons be deployed in territories from which they could threaten it; with non-expansion, this is its main demand.",
      statedOn: "2021-12-17",
      evidence: [{ key: "lavrov-main-demand", relation: "SUPPORTS" }],
    },
    {
      party: "russia",
      issue: "strike-weapons",
      position: "DEMANDS",
      summary:
        "After the written responses Russia restates that keeping strike weapons away from its borders is part of its main demand, on which it sees no positive reaction.",
      statedOn: "2022-01-27",
      evidence: [
        { key: "lavrov-main-demand", relation: "SUPPORTS" },
        { key: "lavrov-no-positive-reaction", relation: "SUPPORTS" },
      ],
    },
    {
      party: "russia",
      issue: "exercises",
      position: "CONDITIONAL",
      summary:
        "Russia regards the topics offered in the US response, military exercises among them, as secondary: a basis for a serious conversation, but no substitute for its main demand.",
      statedOn: "2022-01-27",
      evidence: [
        { key: "lavrov-secondary-issues", relation: "SUPPORTS" },
        { key: "blinken-areas-for-discussion", relation: "CONTEXT" },
        { key: "kortunov-something-better-than-nothing", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "military-contacts",
      position: "CONDITIONAL",
      summary:
        "Russia counts risk-reduction proposals such as military contacts among the secondary issues; the Kremlin wants the dialogue to continue but sees little cause for optimism.",
      statedOn: "2022-01-27",
      evidence: [
        { key: "lavrov-secondary-issues", relation: "SUPPORTS" },
        { key: "peskov-prospects-for-dialogue", relation: "SUPPORTS" },
        { key: "peskov-not-much-optimism", relation: "CONTEXT" },
        { key: "stoltenberg-three-areas", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "military-contacts",
      position: "OPEN",
      summary:
        "Russia says military dialogue was a General Staff initiative the West has now taken up, and is ready for that dialogue provided its principled demands are not set aside.",
      statedOn: "2022-02-16",
      evidence: [
        { key: "lavrov-putin-moratorium-cbms", relation: "SUPPORTS" },
        { key: "lavrov-west-outlined-areas", relation: "SUPPORTS" },
        { key: "lavrov-positive-step-not-at-expense", relation: "SUPPORTS" },
      ],
    },
    {
      party: "russia",
      issue: "arms-control",
      position: "CONDITIONAL",
      summary:
        "Russia says the US response allows a serious conversation on arms control and transparency, but only on what it sees as secondary issues, and withholds a conceptual assessment until the responses are reviewed as a whole.",
      statedOn: "2022-01-27",
      evidence: [
        { key: "lavrov-secondary-issues", relation: "SUPPORTS" },
        { key: "peskov-not-much-optimism", relation: "SUPPORTS" },
        { key: "lavrov-considered-as-whole", relation: "CONTEXT" },
        { key: "kortunov-arms-control-possible", relation: "CONTEXT" },
      ],
    },
    {
      party: "russia",
      issue: "arms-control",
      position: "OPEN",
      summary:
        "Russia welcomes the West's readiness to discuss confidence-building measures, which it presents as its own General Staff proposals, and is ready for that dialogue as long as its main demands stay on the table.",
      statedOn: "2022-02-16",
      evidence: [
        { key: "lavrov-putin-moratorium-cbms", relation: "SUPPORTS" },
        { key: "lavrov-positive-step-not-at-expense", relation: "SUPPORTS" },
        { key: "lavrov-west-presents-as-own", relation: "SUPPORTS" },
        { key: "lukyanov-constructive-not-ready", relation: "CONTEXT" },
        { key: "lukyanov-secondary-after-political", relation: "CONTEXT" },
        { key: "lukyanov-expected-constructive", relation: "CONTEXT" },
        { key: "kortunov-not-so-little", relation: "CONTEXT" },
      ],
    },

    // ── United States ───────────────────────────────────────────────────────────────────
    {
      party: "us",
      issue: "non-expansion",
      position: "NO_POSITION",
      summary:
        "In Geneva the US declines to discuss NATO enlargement bilaterally, saying NATO issues cannot be discussed without NATO, and leaves them to the Russia–NATO Council.",
      statedOn: "2022-01-10",
      evidence: [
        { key: "kortunov-us-without-ukraine-nato", relation: "SUPPORTS" },
        { key: "kortunov-us-delegated", relation: "SUPPORTS" },
      ],
    },
    {
      party: "us",
      issue: "non-expansion",
      position: "REJECTS",
      summary:
        "In its written response the US rejects Russia's non-expansion demand: Washington will not abandon NATO's \"open door\" policy.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "blinken-open-doors", relation: "SUPPORTS" },
        { key: "elpais-leak-summary", relation: "SUPPORTS" },
        { key: "responses-no-crucial-concessions", relation: "SUPPORTS" },
        { key: "peskov-rejection-main-concerns", relation: "SUPPORTS" },
      ],
    },
    {
      party: "us",
      issue: "binding-guarantees",
      position: "REJECTS",
      summary:
        "The US response does not agree to the legally binding guarantees Moscow asked for; it offers talks on other security areas instead.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "elpais-leak-summary", relation: "SUPPORTS" },
        { key: "responses-no-crucial-concessions", relation: "SUPPORTS" },
        { key: "blinken-document-contents", relation: "CONTEXT" },
        { key: "kortunov-moratorium-idea", relation: "CONTEXT" },
      ],
    },
    {
      party: "us",
      issue: "inf-missiles",
      position: "OPEN",
      summary:
        "In Geneva the US discusses with Russia the deployment of US short- and medium-range missiles in Europe; the talks suggest progress is possible.",
      statedOn: "2022-01-10",
      evidence: [{ key: "kortunov-geneva-missiles-progress", relation: "SUPPORTS" }],
    },
    {
      party: "us",
      issue: "inf-missiles",
      position: "OPEN",
      summary:
        "The US written response offers talks on missile deployments and arms-control measures; Moscow says the West's responses took up Putin's proposed moratorium on medium- and short-range missiles in Europe.",
      statedOn: "2022-01-26",
      condition: {
        text: "Transparency on US missile deployments only in return for reciprocal measures by Russia.",
        cell: { issue: "inf-missiles", party: "russia", minPosition: "SUPPORTS" },
      },
      evidence: [
        { key: "blinken-areas-for-discussion", relation: "SUPPORTS" },
        { key: "lavrov-putin-moratorium-cbms", relation: "SUPPORTS" },
        { key: "lavrov-west-outlined-areas", relation: "SUPPORTS" },
        { key: "kortunov-something-better-than-nothing", relation: "CONTEXT" },
      ],
    },
    {
      party: "us",
      issue: "strike-weapons",
      position: "OPEN",
      summary:
        "The US offers to discuss the deployment of offensive missile systems in Ukraine as an area where common ground might be found.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "blinken-areas-for-discussion", relation: "SUPPORTS" },
        { key: "blinken-document-contents", relation: "SUPPORTS" },
      ],
    },
    {
      party: "us",
      issue: "exercises",
      position: "OPEN",
      summary: "The US proposes discussing military exercises and manoeuvres in Europe.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "blinken-areas-for-discussion", relation: "SUPPORTS" },
        { key: "kortunov-something-better-than-nothing", relation: "CONTEXT" },
      ],
    },
    {
      party: "us",
      issue: "arms-control",
      position: "OPEN",
      summary:
        "In Geneva the US concentrates on bilateral questions, including arms control, where the talks suggest progress is possible.",
      statedOn: "2022-01-10",
      evidence: [
        { key: "kortunov-geneva-missiles-progress", relation: "SUPPORTS" },
        { key: "kortunov-us-delegated", relation: "CONTEXT" },
      ],
    },
    {
      party: "us",
      issue: "arms-control",
      position: "OPEN",
      summary:
        "The US response proposes potential arms-control measures, greater transparency and risk-mitigation measures, and the US is ready to move forward if Russia de-escalates.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "blinken-areas-for-discussion", relation: "SUPPORTS" },
        { key: "blinken-open-to-dialogue", relation: "SUPPORTS" },
        { key: "blinken-document-contents", relation: "SUPPORTS" },
        { key: "lavrov-west-outlined-areas", relation: "SUPPORTS" },
      ],
    },
    {
      party: "us",
      issue: "force-withdrawal",
      position: "DEMANDS",
      summary:
        'The US makes progress conditional on Russia de-escalating its "aggression against Ukraine", and its response sets out concerns about Russian actions that undermine security.',
      statedOn: "2022-01-26",
      evidence: [
        { key: "blinken-open-to-dialogue", relation: "SUPPORTS" },
        { key: "blinken-document-contents", relation: "SUPPORTS" },
      ],
    },

    // ── NATO ────────────────────────────────────────────────────────────────────────────
    {
      party: "nato",
      issue: "non-expansion",
      position: "REJECTS",
      summary:
        'NATO rejects non-expansion: it will keep its "open door" policy, respect any choice Ukraine makes, and not compromise on every country\'s right to choose its own path.',
      statedOn: "2022-01-26",
      evidence: [
        { key: "stoltenberg-open-doors", relation: "SUPPORTS" },
        { key: "stoltenberg-main-principles", relation: "SUPPORTS" },
        { key: "elpais-leak-summary", relation: "SUPPORTS" },
        { key: "kortunov-nato-decline-binding", relation: "CONTEXT" },
      ],
    },
    {
      party: "nato",
      issue: "binding-guarantees",
      position: "REJECTS",
      summary:
        "NATO's response gives no binding guarantee against enlargement; the Secretary General says the alliance will not compromise on its main principles.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "stoltenberg-main-principles", relation: "SUPPORTS" },
        { key: "responses-no-crucial-concessions", relation: "SUPPORTS" },
        { key: "kortunov-nato-decline-binding", relation: "CONTEXT" },
        { key: "kortunov-moratorium-idea", relation: "CONTEXT" },
      ],
    },
    {
      party: "nato",
      issue: "inf-missiles",
      position: "OPEN",
      summary:
        "NATO offers dialogue on risk reduction, transparency and arms control; Moscow says the West's responses took up the proposed moratorium on medium- and short-range missiles.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "lavrov-west-outlined-areas", relation: "SUPPORTS" },
        { key: "lavrov-putin-moratorium-cbms", relation: "SUPPORTS" },
        { key: "stoltenberg-three-areas", relation: "CONTEXT" },
      ],
    },
    {
      party: "nato",
      issue: "military-contacts",
      position: "SUPPORTS",
      summary:
        "NATO proposes establishing contacts between the militaries and creating a civilian hotline with Russia.",
      statedOn: "2022-01-26",
      evidence: [{ key: "stoltenberg-three-areas", relation: "SUPPORTS" }],
    },
    {
      party: "nato",
      issue: "missions",
      position: "SUPPORTS",
      summary: "NATO proposes restoring the offices in Moscow and Brussels.",
      statedOn: "2022-01-26",
      evidence: [{ key: "stoltenberg-three-areas", relation: "SUPPORTS" }],
    },
    {
      party: "nato",
      issue: "arms-control",
      position: "SUPPORTS",
      summary:
        "NATO proposes work to reduce risks, increase transparency and control arms, including joint briefings in the Russia–NATO Council.",
      statedOn: "2022-01-26",
      evidence: [
        { key: "stoltenberg-three-areas", relation: "SUPPORTS" },
        { key: "stoltenberg-joint-briefings", relation: "SUPPORTS" },
        { key: "lavrov-west-outlined-areas", relation: "SUPPORTS" },
      ],
    },
    {
      party: "nato",
      issue: "force-withdrawal",
      position: "DEMANDS",
      summary:
        "NATO calls on Russia to withdraw its troops from Ukraine, Georgia and Moldova, where they are stationed against those countries' will.",
      statedOn: "2022-01-26",
      evidence: [{ key: "stoltenberg-withdraw-troops", relation: "SUPPORTS" }],
    },
  ],

  events: [
    {
      kind: "OTHER",
      title: "Russia publishes its draft treaties with the US and with NATO",
      description:
        "The Russian Foreign Ministry publishes two draft agreements on security guarantees: a treaty with the United States and an agreement with the member states of NATO.",
      occurredOn: "2021-12-17",
      parties: ["russia"],
      documents: [],
    },
    {
      kind: "ROUND",
      title: "Geneva: US–Russia Strategic Stability Dialogue",
      description: "Bilateral talks on security guarantees in Geneva.",
      occurredOn: "2022-01-10",
      parties: ["russia", "us"],
      documents: ["tass-jan11"],
    },
    {
      kind: "MEETING",
      title: "NATO–Russia Council, Brussels",
      description: "A meeting of the NATO–Russia Council on Moscow's concerns about European security.",
      occurredOn: "2022-01-12",
      parties: ["russia", "nato"],
      documents: ["tass-jan11"],
    },
    {
      kind: "MEETING",
      title: "OSCE Permanent Council, Vienna",
      occurredOn: "2022-01-13",
      parties: ["russia", "us"],
      documents: ["tass-jan11"],
    },
    {
      kind: "OTHER",
      title: "US and NATO deliver their written responses",
      description: "The US response is handed over in Moscow and NATO's to the Russian ambassador in Brussels.",
      occurredOn: "2022-01-26",
      parties: ["us", "nato", "russia"],
      documents: ["rbc-jan27"],
    },
  ], // Moscow's linkage: the written responses offer talks on what Russia calls secondary issues
  // (arms control, missiles), which it takes up only once its main demand, non-expansion, is met.
  issueLinks: [
    {
      kind: "SEQUENCING",
      first: "non-expansion",
      second: "arms-control",
      party: "russia",
      holdsFrom: "2022-01-27",
      note: "Lavrov: the American response allows “the beginning of a serious conversation, but about secondary issues”; “no positive reaction on the main issue” (RBC, 27 January 2022). Lukyanov: secondary issues are to be addressed “only after some mutual understanding on political issues is reached” (TASS, 2 February 2022).",
    },
    {
      kind: "SEQUENCING",
      first: "non-expansion",
      second: "inf-missiles",
      party: "russia",
      holdsFrom: "2022-01-27",
      note: "Kortunov counts a moratorium on medium- and shorter-range missiles among the topics Moscow could take up if it settles for “something is better than nothing” (RBC, 27 January 2022); Lavrov calls such topics secondary to non-expansion.",
    },
  ],

  // The drafts' own texts are not in the corpus: each provision is the corpus passage that reports
  // it, word for word, and the label names the draft's article it reports.
  proposals: [
    {
      key: "draft-us",
      party: "russia",
      kind: "DRAFT_TREATY",
      title: "Draft treaty between the US and Russia on security guarantees",
      proposedOn: "2021-12-17",
      document: "rbc-jan27",
      documentPart: "Lavrov recalls Moscow's main demand",
      provisions: [
        {
          key: "draft-us-art-4-5",
          label: "Articles 4–5: no NATO expansion east, no strike weapons that could threaten Russia",
          quote: "lavrov-main-demand",
          issues: ["non-expansion", "strike-weapons"],
        },
      ],
    },
    {
      key: "draft-nato",
      party: "russia",
      kind: "DRAFT_TREATY",
      title: "Draft agreement on security measures between Russia and NATO member states",
      proposedOn: "2021-12-17",
      document: "tass-feb16",
      documentPart: "Lavrov restates Russia's demands",
      provisions: [
        {
          key: "draft-nato-art-6",
          label: "Article 6: no further NATO enlargement",
          quote: "lavrov-ready-if-demands-kept",
          issues: ["non-expansion"],
        },
        {
          key: "draft-nato-art-5",
          label: "Article 5: no intermediate- and short-range missiles within reach",
          quote: "lavrov-putin-moratorium-cbms",
          issues: ["inf-missiles", "arms-control"],
        },
      ],
    },
    {
      key: "response-us",
      party: "us",
      kind: "WRITTEN_RESPONSE",
      title: "US written response",
      proposedOn: "2022-01-26",
      document: "rbc-jan27",
      documentPart: "Blinken presents the response",
      answers: "draft-us",
      provisions: [
        {
          key: "response-us-open-door",
          label: "The open door stays",
          quote: "blinken-open-doors",
          issues: ["non-expansion"],
          answers: ["draft-us-art-4-5"],
        },
        {
          key: "response-us-areas",
          label: "Areas for discussion",
          quote: "blinken-areas-for-discussion",
          issues: ["strike-weapons", "exercises", "arms-control"],
          answers: ["draft-us-art-4-5"],
        },
      ],
    },
    {
      key: "response-nato",
      party: "nato",
      kind: "WRITTEN_RESPONSE",
      title: "NATO written response",
      proposedOn: "2022-01-26",
      document: "rbc-jan27",
      documentPart: "Stoltenberg's press conference",
      answers: "draft-nato",
      provisions: [
        {
          key: "response-nato-open-door",
          label: "The open door stays",
          quote: "stoltenberg-open-doors",
          issues: ["non-expansion"],
          answers: ["draft-nato-art-6"],
        },
        {
          key: "response-nato-areas",
          label: "Three areas for interaction",
          quote: "stoltenberg-three-areas",
          issues: ["missions", "military-contacts", "arms-control"],
          answers: ["draft-nato-art-5"],
        },
        {
          key: "response-nato-withdrawal",
          label: "Russian forces out of Ukraine, Georgia and Moldova",
          quote: "stoltenberg-withdraw-troops",
          issues: ["force-withdrawal"],
        },
      ],
    },
  ],
};
