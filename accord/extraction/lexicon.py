"""Every word list Accord's extraction reads, grouped by concept, in one place.

The rules in `accord.extraction` and the relevance gate read these tables instead of keeping copies, so
a word added here reaches every stage that needs it (as spaCy keeps a language's words in
`spacy/lang/en/` and trafilatura its patterns in `xpaths.py`). The trigger vocabulary follows the
consult, visit and agree categories of the CAMEO/PLOVER event ontologies (the PLOVER codebook and
PETRARCH2's verb dictionary, MIT-licensed, name the same families of verbs); the rest was written from
how news and ministry releases phrase diplomacy.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Events: the words that say a meeting, call, visit or agreement happened.
# Families from the CAMEO 2.0 verb dictionary that PETRARCH2 ships (openeventdata/petrarch2,
# data/dictionaries/CAMEO.2.0.txt, MIT): 040 consult (MEET, CONFER, CONSULT, DISCUSS, CONVENE), 041 discuss
# by telephone (CALL, PHONE, TELEPHONE), 042/043 make and host a visit (VISIT, HOST, ARRIVE, COME TO), 046
# engage in negotiation (TALKS; "negotiations" alone are a process, not a meeting), 057 sign a formal
# agreement (SIGN a memorandum or agreement, RATIFY a treaty) and 05x agree (AGREE, reach a consensus);
# each word in the forms news uses.
MEET_WORDS = words(
    """
    audience chaired co-chaired co-chairing co-hosted co-hosting conferred consultations conversation
    discussions encounter gathering host hosted hosting hosts meet meeting meetings meets met receive received
    receives receiving
    shakes shook summit talked talks welcomed welcomes welcoming
    """
)
CALL_CUES = words(
    """
    online phone phone-call phoned teleconference telephone telephoned telephonic video video-conference
    videoconference videolink virtual virtually
    """
)
VISIT_WORDS = words(
    """
    arrive arrived arrives arriving flew landed tour toured touring traveled travelled trip visit visited
    visiting visits
    """
)
AGREE_WORDS = words(
    """
    agree agreed agreeing agrees co-signed co-signing concluded concurred confirm confirmed consensus
    initialed initialled inked
    pledge pledged ratified ratify reaffirmed sign signed signing signs vowed
    """
)
EVENT_WORDS = MEET_WORDS | CALL_CUES | VISIT_WORDS | AGREE_WORDS
# Joint acts written with "co-", which the tokenizer would cut into "co", "-" and a verb of its own.
JOINT_ACTS = words(
    "co-chair co-chaired co-chairing co-chairs co-hosted co-hosting co-hosts co-signed co-signing co-signs"
)
LINKING_CONJUNCTIONS = words("and or nor")  # written in lower case, they go on a sentence
# Triggers only beside a call cue ("spoke over the phone") or a particle ("called on the minister").
CALL_VERBS = {"call", "called", "calls", "spoke", "speaking"}
# Only these meeting words are verbs that need a person as object to count ("received a call" is a call).
NEEDS_PERSON_OBJECT = words(
    "host hosted hosting hosts receive received receives receiving welcomed welcomes welcoming"
)
THING_PRONOUNS = words("it itself this that")  # "welcomed it": the proposal, not a guest
# Whom an official meets without meeting another side: "met members of the Malaysian diaspora in Seoul"
PUBLIC_AUDIENCES = words(
    "academics businesspeople citizens community diaspora entrepreneurs journalists members nationals residents"
    " scholars students"
)
PERSON_NOUNS = set(
    "counterpart counterparts colleague colleagues delegation delegations minister president leader leaders envoy prime secretary "
    "premier ministers guest guests ambassador chancellor king emir".split()
)
BRIEFING_VERBS = set("briefed brief briefs informed told updated recalled recounted described".split())
SCHEDULE_WORDS = set(
    "include includes including engagements schedule itinerary agenda programme program".split()
)
REMOTE_ACTS = set(
    "inaugurated inaugurate launched launch opened unveiled addressed attended joined participated".split()
)
CREDENTIAL_WORDS = frozenset({"credentials", "credence"})
# What one side grants another: "agreed to the request" is one-sided, no agreement of two.
ACCOUNT_PARTICLES = words("in up out")  # "Sign in to comment", "sign up": an account, not a pact
ONE_SIDED_ASKS = words("request requests proposal invitation demand demands plea call appeal")
# What one confirms without agreeing to anything: "confirmed the report", "confirmed the news".
REPORTED_THINGS = words("report reports news information figures death deaths arrival attack claims")
# Nouns that make "video", "virtual" or "online" a call ("a virtual meeting"), not a film or a shop.
CALL_NOUNS = words("call conference meeting talks summit format link")
SIGNING_WORDS = ("signed", "signing", "sign ", "inked")
# Talk that names no medium: in a story about a phone call between the same sides on the same day, the call
GENERIC_TALK = words("conferred consulted consultations conversation discussions meeting talked talks")
ONE_SIDED = words("confirmed pledge pledged pledges reaffirmed vowed vows")
# "Vietnam was represented by its deputy minister", "Peru also attended the meeting": a side that joins an
# occasion the page has reported, not an interaction of its own.
JOINING_VERBS = words(
    "attended attending attends joined joining joins participated participates participating present represented "
    "taking"  # "taking part in the talks"
)
ROLL_CALL_WORDS = words("attending joining participating present taking")  # "Joining the Secretary were …"
ATTEND_CUES = ("to attend", "to participate", "attending", "for the summit", "to take part")
INTERACTION_VERBS = set(
    "met meets meet received receives hosted hosts welcomed welcomes called spoke talked visited".split()
)
ACTING_VERBS = words("had held hosted meets met received receives spoke visited welcomed")
MET_IN_HEADS = MEET_WORDS | ACTING_VERBS  # "In Abuja, X held talks with Y": the city where Y received X
# "President X received the delegation at the People's Palace": a reception at home, where the page says no more
RECEIVING_VERBS = words("received receives hosted hosts")
VISIT_HEADS = words("arrived arrives traveled travelled trip visit visits welcomed welcomes")
VISITING_VERBS = words(
    "visit visited visiting visits toured"
)  # "X visited Podgorica": the place is the object
WELCOME_VERBS = words("welcome welcomed welcomes welcoming")  # "welcomed X to Samoa": where the guest came


# Modality: plans, conditions, denials and reports, which are not events
CALLED_OFF = words(
    "cancel cancels canceling cancelling canceled cancelled delay delays delaying delayed postpone postpones"
    " postponing postponed scrap scraps scrapping scrapped shelve shelves shelving shelved suspend suspends"
    " suspending suspended refuse refuses refused declined declines"
)
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = words("can could may might must should would")
PLANNING_WORDS = words(
    """
    aim aimed aims announce announced arrange broker consider considering due expected expects eyes
    forthcoming hope hoped hopes intend intends invitation invite invited likely look looks looking next plan
    planned planning plans possible potential preparations prepare preparing propose proposed proposing
    scheduled suggest suggested suggesting suggests
    seek seeks set tomorrow upcoming want wants would
    wish wishes desire mooted floated
    """
)
# "X arrived, accompanied by Foreign Minister Y": Y is of X's delegation, and serves X's country.
ACCOMPANYING = words("accompanied escorted flanked joined")
# "Denied reports that X had met Y": what a denial governs did not happen, as far as the page tells.
DENIALS = words("denied denies deny denying refuted refutes refuting")
NEGATIONS = words(
    "canceled cancelled declined denied n't neither never no nor not postponed refused rejected without"
)
CONDITIONAL = {"if", "unless", "whether"}
REPORTING_VERBS = set("said says say told announced reported stated added noted confirmed".split())
SAYING = set("said says told stated added noted wrote recalled".split())


# Time: words that tie a date to another occasion
# "their first meeting since the 2019 summit": what follows names another, earlier occasion
OTHER_OCCASION = {"since"}
# "also held talks", "later met": one more meeting of the round just reported, not on an arrival's day
ALSO = words("also additionally likewise later subsequently afterwards")
SETTING_NOUNS = words("sidelines sideline margins margin fringes fringe")  # "on the sidelines of the summit"
# "said starting Dec. 1, Chile would waive visas": the day a measure takes effect, not a day anything met
TAKES_EFFECT = words("starting beginning commencing effective")
# "an ASEAN Community by 2015", "the term until 2026": a deadline or term ahead, not a date in the past
DEADLINE_WORDS = words("by until till")
# Any year a page writes, plans and copyright lines included: the era the page was written in
YEAR_NUMBER = re.compile(r"\b(?:19|20)\d{2}\b")
# Words a date phrase is made of: "the telephone Tuesday" is the model's DATE, "Tuesday" the date
CALENDAR_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
    " day days week weeks weekend month months year years morning afternoon evening night today yesterday"
)
# Days told relative to the story's own ("earlier today", "yesterday", "this morning"), which the model
# sometimes leaves without an entity; spaCy's entity ruler marks them DATE where it marked nothing.
RELATIVE_DAY_PATTERNS = [
    {
        "label": "DATE",
        "id": "relative-day",  # "Earlier today, X met Y", "arrived yesterday"
        "pattern": [
            {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
            {"LOWER": {"IN": ["today", "yesterday", "tonight"]}},
        ],
    },
    {
        "label": "DATE",
        "id": "part-of-today",  # "this morning", "this afternoon"
        "pattern": [{"LOWER": "this"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
    },
]
# "The ministers last met in Addis Ababa": an earlier occasion, an event only when the sentence dates it.
EARLIER_OCCASION = words("last previously formerly once previous recent prior")
SEQUENCE_START = words("first initially")  # "first spoke with X by phone, and then …"
# Past trips whose purpose ("to meet X") is what was done there: "was in Brussels on 15 May to meet".
TRIP_VERBS = words("was were arrived flew travelled traveled went came headed visited")
# Verbs that end an occasion: its date is its last day ("concluded a two-day visit today").
ENDING_VERBS = words(
    "concluded concludes concluding ended ends wrapped wraps completed completes finished finishes"
)
# Interactions counted, not told: "have spoken regularly", "met repeatedly" (and "several times").
HABITUAL = words("regularly repeatedly often frequently routinely")
NOT_EVENT_DATE = words("after ahead before by since through till until")


# Names: what stands around a name without being part of it
# Words that precede a name but are not part of it, folded and without a trailing period.
NAME_TITLES = words(
    """
    mr mrs ms miss mx dr prof professor sir dame lord h.e h.h hh hrh excellency his her their majesty
    highness royal prince princess sheikh sheikha shri smt shrimati md mohd engr alhaji chief
    hon honourable honorable rt amb ambassador envoy gen general lt lieutenant col colonel maj major
    adm admiral brig brigadier marshal capt captain cdr commander rev
    minister ministers president vice deputy prime premier chancellor secretary secretary-general
    general-secretary state councilor councillor counsellor foreign defence defense external home
    interior finance trade affairs national security adviser advisor raksha mantri eam pm fm dpm
    king queen emir amir crown speaker chairman chairwoman chairperson chair senator governor mayor leader
    commission commissioner mawlawi maulvi
    head republic of for and the sayyid sayyida lyonpo dasho datin pehin ret retd ratu
    utama setia awang dayang haji hajah pengiran paduka yb ybhg
    """
)
DOTTED_TITLES = frozenset({"sen", "rep", "gov"})  # titles only when written with a period
TITLE_PAIRS = frozenset({("tan", "sri"), ("datuk", "seri"), ("dato'", "sri"), ("dato", "sri"), ("tun", "dr")})
NAME_PARTICLES = frozenset(
    {
        "da",
        "de",
        "do",
        "dos",
        "das",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "bint",
        "ibn",
    }
)
KOREAN_SURNAMES = words(
    "kim park choi cho jung chung yoon yun moon kang lim hwang kwon shin jang han oh seo ahn ban roh chun"
    " yoo hong jeon baek"
)
POSTNOMINALS = frozenset(
    {"MP", "MEP", "MLA", "MHA", "TD", "T.D", "QC", "KC", "SC", "OBE", "CBE", "MBE", "KBE", "PhD"}
)
TURKIC_PATRONYMICS = frozenset({"oglu", "oğlu", "ogly", "uly", "uulu", "qizi", "kyzy", "gizi"})


# The end of a dateline whose agency stands in slashes, as TASS writes it: "MOSCOW, 12 May. /TASS/. …"
AGENCY_IN_SLASHES = r"\.?\s/[A-Z][\w-]{1,12}/\.?\s"


# Offices: titles, roles and portfolios, and the countries some of them imply
TITLES = set(
    "mr mr. ms ms. mrs mrs. hon hon. h.e. h. e. he dr dr. shri sir madam excellency his her prof prof. gen gen. general "
    "lt. col. adm. admiral sheikh prince princess king queen emir sultan smt smt. mme m. dame sayyid sayyida "
    "yb ybhg datuk dato dato' datin sri seri tun utama setia awang dayang haji hajah pehin pengiran paduka lyonpo dasho "
    "ret ret. retd lieutenant colonel major captain "
    "commander brigadier marshal rear amir highness majesty royal lt col maj brig ratu".split()
)
# Heads under which a country is what was talked about, not whom someone serves ("to discuss Afghanistan").
TOPIC_HEADS = words(
    "discuss discussed discusses discussing about on regarding concerning expected expects expect briefed"
)
# How long or how newly someone holds an office: "South Korea's newly appointed Foreign Minister X".
OFFICE_TENURE = words("newly appointed elected re-elected incoming outgoing interim caretaker designate")
# Words that may stand between a name and the role or country describing it ("Japanese Foreign Minister").
ROLE_WORDS = (
    TITLES
    | OFFICE_TENURE
    | set(
        "minister ministers foreign affairs defence defense secretary secretary-general state prime president vice "
        "deputy general chairperson chairwoman chair "
        "premier pm dpm eam fm raksha mantri chancellor top diplomat counterpart counterparts colleague colleagues leader chief "
        "head government national "
        "security adviser advisor external international cooperation relations trade finance ambassador envoy "
        "senior speaker chairman chairperson governor of for the and councilor councillor vice-minister "
        "vice-president commerce economy industry interior home justice economic crown party communist central "
        "committee mayor director commissioner high representative policy prime-minister then former incumbent "
        "acting staff army navy forces armed military spokesperson spokesman official officials"
        " taoiseach tanaiste tánaiste bundeskanzler bundeskanzlerin lyonchhen lyonpo hr vp".split()
    )
)
CONNECTIVES = words("of for the and")  # in ROLE_WORDS to join an office's words, but no office themselves
# Words right before a proper noun that make it a person's name even where NER missed it ("PM Modi").
NAME_ANCHORS = (TITLES - {"his", "her", "he"}) | set(
    "minister president premier pm dpm eam fm secretary chancellor counterpart mantri ambassador envoy chairman "
    "chairperson chairwoman speaker commissioner secretary-general governor "
    "vice-president vice-minister".split()
)
# A "name" ending in one of these is an institution or place, not a person ("State House", "Import Expo").
INSTITUTION_WORDS = set(
    "ministry presidency house office palace council assembly committee government department expo summit forum "
    "agency bank union organization organisation party university news press times post daily herald "
    "embassy parliament congress senate court villa bhavan hall mausoleum memorial monument museum square "
    "airport stadium building hotel centre center park bridge street road avenue cemetery temple pagoda "
    "mosque church cathedral institute academy school hospital port station plaza tower gate garden gardens "
    "conference summit meeting declaration treaty agreement secretariat commission chancellery residence headquarters"
    " province region district".split()
)
# Verbs a title-case headline capitalises ("Li Qiang Holds Talks with …"): never part of a name.
HEADLINE_VERBS = set(
    "holds held meets met talks visits signs says said calls urges receives hosts welcomes discusses agree agrees "
    "pledge pledges vows arrives leaves begins ends seeks eyes hails backs slams to".split()
)
# Portfolios in long office names ("Minister of African Integration and Foreign Affairs"): never names.
PORTFOLIOS = set(
    "integration development cooperation affairs industry planning commerce culture tourism energy health "
    "education justice agriculture environment labour labor transport information communications youth "
    "sports women infrastructure fisheries mines mining works housing investment diaspora communities human "
    "rights refugees migration emigration emigrants expatriates assembly parliament "
    "african european asian arab".split()
)
# Word sets the name scanners test token by token, built once.
# Offices in the plural ("the College of Commissioners"), which the tagger may take for a surname in -s
OFFICE_PLURALS = words(
    "ambassadors chairmen chairpersons commissioners directors envoys governors leaders mayors presidents "
    "secretaries speakers"
)
NOT_NAME_WORDS = ROLE_WORDS | HEADLINE_VERBS | PORTFOLIOS | OFFICE_PLURALS
OFFICE_WORDS = ROLE_WORDS - CONNECTIVES
TRIMMED_FROM_NAMES = ROLE_WORDS | HEADLINE_VERBS  # "Foreign Minister …", "… Holds" in a headline
PORTFOLIO_CHAIN = ROLE_WORDS | PORTFOLIOS | {",", "of", "for", "the", "and"}
PARTICLES = set("da de do dos das del der van von bin bint binti ibn al el le".split()) | TURKIC_PATRONYMICS
PATRONYMIC = words("bin bint binti ibn")  # "Khalid bin Faisal": Faisal is his father, King Faisal
# Titles that are also given names or family names ("Sultan bin Rashid", "Amir Khan", "Marsha King")
GIVEN_NAMES_LIKE_TITLES = words("amir sultan king")
GIVEN_NAMES_BEFORE_FULL_NAMES = words("amir")  # "Amir Hotak Zadran": a given name before two more names
OFFICE_LINKS = words("of for")  # "Commissioner for Enlargement": the words after name the office's portfolio
COUNTRY_LINKS = OFFICE_LINKS | {"to"}  # "Ambassador to Venezuela": the country the office serves
POSSESSIVE_MARKS = words("'s ’s ' ’")  # "Trinidad and Tobago's X", "the Philippines' X"
RULER_MARKERS = words("the his her hh h.h. h.h 's ’s")  # "HH the Amir Hamad": the ruler
POSSESSIVE_PRONOUNS = words("his her its their")  # "his Foreign Minister": the subject's own minister
COUNTERPARTS = {"counterpart", "counterparts", "colleague", "colleagues"}  # "my Ghanaian colleague X"
# Office titles only one government uses: they tell the country when the page does not.
TITLE_COUNTRIES = {
    r"\bexternal affairs minister\b": "IND",
    r"\bminister of external affairs\b": "IND",
    r"\braksha mantri\b": "IND",
    r"\beam\b": "IND",
    r"\bstate councill?or\b": "CHN",
    r"\btaoiseach\b": "IRL",
    r"\blyonchhen\b": "BTN",  # Bhutan's prime minister
    r"\blyonpo\b": "BTN",  # a Bhutanese minister
    r"\bt[aá]naiste\b": "IRL",
    r"\bbundeskanzler(?:in)?\b": "DEU",
    r"\bsecretary of state\s*$": "USA",  # the UK's carry "for …"; a bare one is the American office
    r"\bchancellor of the exchequer\b": "GBR",
    r"\bhigh representative\s*/\s*vice-president\b": "EU",  # the EU's foreign policy chief, "HR/VP"
}
MONARCHS = words("amir emir emperor king queen sultan")  # "received by His Majesty the Sultan"
OFFICES = words("ambassador defence envoy fm foreign king minister pm president prime queen")
JOINERS = words("'s - and of the ’s")
SPOKESPEOPLE = words("spokesperson spokespersons spokesman spokesmen spokeswoman spokeswomen")
# Names two states share: on a page that names one of them unmistakably ("the Republic of the Congo",
# "the Commonwealth of Dominica"), the shared name means that one, whatever the gazetteer's default.
SHARED_NAMES = {
    "congo": frozenset({"COG", "COD"}),
    "congolese": frozenset({"COG", "COD"}),
    "dominican": frozenset({"DOM", "DMA"}),
}
HEADS = {
    "president",
    "king",
    "queen",
    "emir",
    "sultan",
    "governor-general",
    "governor general",
    "prime minister",
}
RESIDENT_ROLES = {"ambassador", "high commissioner", "envoy", "chargé d'affaires"}
ORGANISATION_OFFICES = ("secretary general", "commissioner", "high representative", "director general")
# "Special Envoy for Yemen", "Special Representative for Afghanistan": the country after "for" is the
# office's brief, not the government it serves
BRIEF_OFFICES = words("envoy envoys representative representatives coordinator rapporteur")
DESCRIPTION_HEADS = set(
    "minister president premier secretary diplomat leader chancellor mantri pm eam envoy king queen emir amir"
    " sultan chairperson chairman chairwoman representative vp head".split()
)
# "A previous Latvian president", "a former minister": someone other than the office holder the page names
OTHER_HOLDER_WORDS = words("previous former late past another predecessor")
# "A Norwegian prime minister visited …" is not the one the page names, but an office many hold at once
# ("an Egyptian deputy foreign minister") is just an official left unnamed
INDEFINITE_ARTICLES = words("a an")
SEVERAL_HOLDERS = words("deputy vice assistant junior senior official officials")
DEPUTY_WORDS = words("deputy vice")  # one rank: "the vice minister" is "Taiwan's deputy foreign minister"
# Words that end an office after its head word: "the Secretary General", "the Director-General"
TITLE_TAILS = words("general")
HEAD_OF = (
    "of state",
    "of government",
    "of our state",
)  # "the Head of State": the office goes on after "Head"
# Countries whose "Foreign/Defence/Home/Finance Secretary" is a civil servant, not a minister.
SECRETARY_SERVICES = frozenset({"IND", "PAK", "BGD", "LKA", "NPL"})
NOT_PORTFOLIO = frozenset(
    {"the", "a", "cabinet", "senior", "junior", "chief", "state", "his", "her", "their"}
)
WITH_SECRETARY = {
    "foreign minister": "foreign secretary",
    "defense minister": "defense secretary",
    "interior minister": "home secretary",
    "finance minister": "finance secretary",
}


# Parties: words that refer to the sides of an interaction
# "Received each minister separately", "met both delegations": an object that points back to the sides
EACH_OF = words("each both two")
PLURAL_REFERENCES = set(
    "two both they leaders sides ministers diplomats officials parties countries nations governments "
    "participants we delegations counterparts".split()
)
PRONOUNS = {"he", "she", "his", "her"}
# What a page shows of a person's gender, for whom "she" or "he" can mean: honorifics and pronouns
FEMININE = words(
    "she her hers herself ms ms. mrs mrs. madam madame mme mme. dame lady sheikha princess queen"
)
MASCULINE = words("he his him himself mr mr. sir sheikh prince king lord")
# "The two ministers", "both sides", "the four ministers": a reference back to an interaction of so many
PAIR_PRONOUNS = words("they their them")  # "since their meeting in Lima": the sides just named
SIDE_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
OBJECT_PRONOUNS = {"him", "her"}  # "the President received her"
REGION_NOUNS = words("countries states nations republics")  # "the Central Asian countries"
HOME_NOUNS = words("country nation capital")  # a release's "visit to our country": the publisher's own
ROLE_HEADS = set(
    "minister president premier counterpart secretary chancellor leader king queen emir amir sultan diplomat envoy"
    " prime".split()
)
GROUP_NOUNS = set(
    "ministers leaders governments officials representatives delegations heads presidents diplomats chiefs "
    "sides envoys".split()
)
# Nouns a demonym turns into one country's side: "the Palestinian side", "Indian and Bangladeshi officials",
# "the Georgian and Armenian prime ministers".
SIDE_NOUNS = words(
    """
    side sides official officials delegation delegations government governments authorities team teams
    minister ministers leader leaders president presidents premier premiers envoy envoys diplomat diplomats
    representative representatives negotiator negotiators counterpart counterparts
    """
)
# Words that make one trigger several interactions, one with each other side ("held separate meetings").
SEPARATELY = words("separate separately individual individually")
MEET_FORMS = words("meet meets met meeting")  # the verb whose listed objects are met one by one
# A sentence that says its people met at once: "received both A and B", "a trilateral meeting with A and B"
TOGETHER = words("both together jointly joint trilateral trilaterally tripartite quadrilateral three four")
# "These meetings also …", "in the calls": a plural that tells the occasion just reported as several
SEVERAL_OCCASIONS = {"meetings": "meet", "audiences": "meet", "calls": "call", "conversations": "call"}
ONE_OCCASION = {"meeting": "meet", "audience": "meet", "call": "call", "conversation": "call"}
RETELLING_DETERMINERS = words("these those the both all")
SIDE_CLAUSE_WORDS = words("after ahead before prior since till until")
# What two sides sign: "the agreement between A and B" names its sides.
PACT_NOUNS = words(
    "accord accords agreement agreements communique deal declaration memorandum mou pact protocol treaty"
)
# Verbs and nouns of a third party to someone else's signing: its mediator or witness is no party of it
# ("overseen by King X", "Norway's minister witnessed the signing", "in the presence of").
THIRD_PARTY_WORDS = words(
    """
    brokered facilitated guaranteed mediated moderated oversaw overseen participated presence sponsored
    supervised witnessed witnessing
    """
)
WITNESSING = words("witnessed")  # "the presidents of A and B witnessed the signing": they met there
FACILITATING = words("brokered convened facilitated mediated")  # "talks convened by X": X is no side of them
SIGNING_NOUNS = PACT_NOUNS | {"signing", "ceremony"}
# A meeting named by its member states: "a trilateral meeting of the Philippines, Japan and Australia"
MEETING_NOUNS = words("meeting meetings talks summit dialogue consultations")
AUDIENCES = words("audience audiences")  # "received in separate audiences A and B"
DELEGATION_NOUNS = words("delegation delegations mission")  # "a delegation from Libya led by X"
# Heads under which a named person is a bystander, not a party ("along with X", "attended by X"), and what
# someone sent without coming ("conveyed the greetings of President X", "handed over a letter from X").
SENT_THINGS = words("greetings letter message regards wishes")  # "handed over X's letter": X is not there
BYSTANDER_HEADS = (
    words("along accompanied according attended including flanked joined presence sent") | SENT_THINGS
)
# Someone who owns the person or body that acts is not there: "X's special envoy met", "members of X's
# administration met", "handed over X's letter".
OWNED_BY_ABSENT = words(
    "envoy emissary adviser advisor aide spokesman spokesperson spokeswoman representative administration "
    "government cabinet message letter wife husband son daughter"
)
JOINED_BY = words("joined")  # "A and B were joined by C for talks", "A joined a call with B": all take part


# Places: words that introduce a place, a venue or a destination
NAME_PLACE_WORDS = words(", across against and at from in into near of through to via with")
VENUE_WORDS = words("assembly conference dialogue forum meetings session summit talks")
DESTINATION_NOUNS = words("capital country destination leg nation stop")
PLACE_PREPOSITIONS = {"in", "at", "inside"}
SETTLEMENT_NOUNS = words("city town capital port village resort")  # "in the southern Chinese city of Xiamen"
PLACE_WORDS = PLACE_PREPOSITIONS | {"to"}


# Publishers: mastheads and domains
# A masthead names a publisher: an agency, a paper, a broadcaster, a ministry or a government office.
PUBLISHER_WORDS = set(
    "news agency times post daily herald tribune gazette journal today press radio television tv broadcasting "
    "government ministry ministerio ministère presidency president's office embassy mission department "
    "secretariat cabinet observer express chronicle star standard nation telegraph monitor gobierno governo "
    "gouvernement ministério ministère presidencia presidência présidence prensa imprensa agencia agência "
    "agence noticias notícias nouvelles kementerian statehouse".split()
)
# Country-code domains used worldwide for other reasons (.tv, .io, .ai …) say nothing about the publisher.
GENERIC_DOMAINS = words("ai am cc co fm gg io la ly md me nu tk to tv ws")
COUNTRY_DOMAINS_NOT_ISO = {"uk": "GB"}  # the one country-code domain that is not its ISO 3166 code
# An organisation's own site names its own officials without saying whose they are, as a ministry does.
ORGANISATION_DOMAINS = {
    "europa.eu": "EU",
    "un.org": "UN",
    "nato.int": "NATO",
    "au.int": "AU",
    "ecowas.int": "ECOWAS",
    "asean.org": "ASEAN",
    "gcc-sg.org": "GCC",
    "osce.org": "OSCE",
    "oic-oci.org": "OIC",
}
REGION_PREFIXES = words("central east inter latin north pan south sub west")
EDITION_WORDS = words("desk edition language section service version")


# Wire credits ("HANOI, Oct. 6 (VNA) –", "— Xinhua", "(AP)"): a story another site carries is the agency's.
# A national agency names its own country's officials without their country, as a ministry's release does;
# an international wire speaks for no country. Neither is the country of the site that reposted the story.
NATIONAL_AGENCIES = {
    "VNA": "VNM", "Xinhua": "CHN", "KCNA": "PRK", "Yonhap": "KOR", "Kyodo": "JPN", "Jiji": "JPN",
    "PTI": "IND", "ANI": "IND", "IANS": "IND", "UNI": "IND", "APP": "PAK", "BSS": "BGD", "Bernama": "MYS",
    "Antara": "IDN", "PNA": "PHL", "TASS": "RUS", "RIA": "RUS", "Belta": "BLR", "Ukrinform": "UKR",
    "Kazinform": "KAZ", "Kabar": "KGZ", "UzA": "UZB", "Azertag": "AZE", "Armenpress": "ARM",
    "IRNA": "IRN", "SPA": "SAU", "WAM": "ARE", "KUNA": "KWT", "QNA": "QAT", "BNA": "BHR", "ONA": "OMN",
    "MENA": "EGY", "Petra": "JOR", "SANA": "SYR", "INA": "IRQ", "MAP": "MAR", "APS": "DZA", "TAP": "TUN",
    "GNA": "GHA", "NAN": "NGA", "KNA": "KEN", "ENA": "ETH", "SAnews": "ZAF", "Prensa Latina": "CUB",
    "Andina": "PER", "Notimex": "MEX", "Télam": "ARG", "CTK": "CZE", "PAP": "POL", "MTI": "HUN",
    "Agerpres": "ROU", "BTA": "BGR", "Tanjug": "SRB", "HINA": "HRV", "STA": "SVN", "Lusa": "PRT",
    "NTB": "NOR", "TT": "SWE", "STT": "FIN", "Ritzau": "DNK",
}  # fmt: skip
INTERNATIONAL_WIRES = words("AP AFP Reuters EFE dpa ANSA Anadolu AA Bloomberg")
NEWS_AGENCY_NAMES = frozenset(name.lower() for name in (*NATIONAL_AGENCIES, *INTERNATIONAL_WIRES))


# Topics: what talks were about
# tag -> phrases that signal it (matched as whole words, case-insensitively)
TOPICS: dict[str, tuple[str, ...]] = {
    "security": ("security",),
    "defense": ("defense", "defence", "military"),
    "defense technology": (
        "defense technology",
        "defence technology",
        "defense equipment",
        "defence equipment",
    ),
    "trade": ("trade", "tariff", "tariffs", "export", "exports", "imports"),
    "investment": ("investment", "investments"),
    "economy": ("economic", "economy"),
    "energy": ("energy", "oil", "gas", "lng"),
    "climate change": ("climate",),
    "cyber": ("cyber", "cybersecurity"),
    "space": ("space",),
    "arctic": ("arctic",),
    "nuclear": ("nuclear",),
    "north korea": ("north korea", "north korean", "pyongyang"),
    "ukraine": ("ukraine", "ukrainian"),
    "russia": ("russia", "russian"),
    "indo-pacific": ("indo-pacific",),
    "taiwan strait": ("taiwan strait",),
    "south china sea": ("south china sea",),
    "maritime": ("maritime", "navy", "naval"),
    "terrorism": ("terrorism", "counter-terrorism", "terrorist"),
    "human rights": ("human rights",),
    "health": ("health", "pandemic", "covid", "vaccine", "vaccines"),
    "technology": ("technology", "digital", "digitalization", "semiconductor", "semiconductors"),
    "hybrid threats": ("hybrid threat", "hybrid threats"),
    "disinformation": ("disinformation",),
    "agriculture": ("agriculture", "agricultural"),
    "education": ("education",),
    "infrastructure": ("infrastructure",),
    "decarbonization": ("decarbonization", "decarbonisation"),
    "gender equality": ("gender equality",),
    "green transition": ("green transition",),
    "rule of law": ("rule of law",),
    "sanctions": ("sanctions",),
    "humanitarian aid": ("humanitarian",),
    "middle east": ("middle east", "gaza", "israel"),
    "investment and finance": ("finance", "financial"),
}


# Relevance: the vocabulary of government and diplomacy the gate looks for
# Offices, institutions and the vocabulary of diplomacy; any one of them (case-insensitive) will do.
# Left out on purpose: "leader", "mayor", "governor", "commission" — common in match reports, weather,
# markets and arts pages, and never the only such word in a diplomatic story of the gold sets.
DIPLOMATIC_WORDS = (
    r"minist(?:er|ers|ry|ries|erial)|president(?:s|ial|cy)?|vice-president|premier|chancellor"
    r"|ambassador(?:s|ial)?|envoys?|emissar(?:y|ies)|diplomat(?:s|ic|ically|acy)?|embass(?:y|ies)"
    r"|consul(?:s|ate|ates|-general)?|secretar(?:y|ies)|secretary-general|foreign|defen[cs]e|military"
    r"|kings?|queens?|princes?|princess|emirs?|sultans?|sheikhs?|monarchs?|majesty|highness|excellency"
    r"|pope|pontiff|taoiseach|lyonchhen|lyonpo|mantri|councill?ors?|chairman|chairwoman|chairperson|commissioners?"
    r"|director-general|director general|speaker|senators?|lawmakers?"
    r"|legislators?|parliament(?:s|ary|arians?)?|congress(?:man|woman)?|cabinet|governments?"
    r"|kremlin|white house|[ée]lys[ée]e|downing street|state department|heads? of (?:state|government)"
    r"|state visit|counterparts?|delegations?|bilateral|multilateral|summits?|talks"
    r"|negotiat(?:e|ed|es|ing|ion|ions|ors?)|treat(?:y|ies)|accords?|pacts?|memorand(?:um|a)"
    r"|agreements?|consensus|cooperation|co-operation|partnership|relations"
    r"|protocols?|declarations?|conventions?|free[- ]trade|border crossings?"
    r"|communiqu[ée]s?|ceasefire|truce|peace|sanctions|alliance|allies"
)
# Abbreviations that stand for an office only in capitals ("PM Modi", "EAM Jaishankar", "an MoU").
DIPLOMATIC_ABBREVIATIONS = r"PM|FM|EAM|MPs?|MoU|MOU|POTUS|H\.E"
