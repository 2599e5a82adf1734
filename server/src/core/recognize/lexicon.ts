/**
 * Hand-written word classes that the rules and the tagger share: titles that
 * announce a person, words that end an organisation or a place name, and the
 * short connectors that may sit inside a name. These are general English and
 * news conventions, not names taken from any evaluation set.
 */

/** Titles and offices that precede a person's name ("Prime Minister Imran Khan", "Lt. Gen. Ahmed"). */
export const PERSON_TITLES: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam',
  'president', 'vice president', 'vice-president', 'prime minister', 'pm', 'premier', 'chancellor', 'minister',
  'foreign minister', 'interior minister', 'defence minister', 'defense minister', 'finance minister',
  'information minister', 'chief minister', 'deputy prime minister', 'caretaker prime minister',
  'state minister', 'federal minister', 'provincial minister', 'secretary', 'secretary of state', 'foreign secretary',
  'home secretary', 'secretary general', 'secretary-general', 'chief secretary', 'additional chief secretary',
  'ambassador', 'envoy', 'governor', 'senator', 'sen', 'congressman', 'congresswoman', 'representative', 'rep',
  'mayor', 'speaker', 'chairman', 'chairwoman', 'chairperson', 'chair', 'chief', 'director', 'director general',
  'director-general', 'commissioner', 'inspector general', 'ceo', 'cfo', 'coo', 'founder', 'co-founder',
  'spokesman', 'spokeswoman', 'spokesperson', 'adviser', 'advisor', 'special assistant', 'attorney general',
  'judge', 'justice', 'chief justice', 'king', 'queen', 'prince', 'princess', 'sheikh', 'shaikh', 'emir', 'sultan',
  'pope', 'cardinal', 'bishop', 'archbishop', 'imam', 'maulana', 'mufti', 'rabbi', 'reverend', 'rev', 'father',
  'gen', 'general', 'lt', 'lieutenant', 'lt gen', 'lieutenant general', 'maj', 'major', 'maj gen', 'major general',
  'brig', 'brigadier', 'col', 'colonel', 'capt', 'captain', 'cmdr', 'commander', 'adm', 'admiral', 'sgt', 'sergeant',
  'field marshal', 'marshal', 'coach', 'manager', 'officer', 'inspector', 'superintendent', 'detective',
  'analyst', 'president-elect', 'leader', 'opposition leader', 'counterpart', 'mp', 'mna', 'mpa', 'dsp', 'sp', 'ssp',
  'igp', 'dig', 'ig', 'coas', 'army chief', 'chief of army staff', 'gov', 'hon', 'mullah',
  'chief executive', 'chief executive officer', 'chief operating officer', 'chief financial officer',
  'chief technology officer', 'executive', 'vice chairman', 'vice chair', 'managing director', 'executive director',
];

/** Time zones, units and currency codes: written in capitals, never names ("16:08 UTC", "2 GHz", "PKR 500"). */
export const UNITS_AND_ZONES: readonly string[] = [
  'utc', 'gmt', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'ist', 'pkt', 'jst',
  'ghz', 'mhz', 'khz', 'hz', 'kb', 'mb', 'gb', 'tb', 'kbps', 'mbps', 'mph', 'kph', 'km', 'kg', 'mw', 'gw', 'kw',
  'usd', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'pkr', 'inr', 'aed', 'sar', 'chf', 'cad', 'aud',
];

/** Head words that end an organisation name ("Foreign Ministry", "Awami National Party", "Apple Inc."). */
export const ORG_SUFFIXES: readonly string[] = [
  'ministry', 'committee', 'party', 'army', 'navy', 'force', 'forces', 'inc', 'corp', 'corporation', 'company', 'co',
  'ltd', 'limited', 'plc', 'llc', 'group', 'holdings', 'bank', 'university', 'college', 'institute', 'institution',
  'council', 'commission', 'agency', 'authority', 'association', 'federation', 'union', 'league', 'organisation',
  'organization', 'foundation', 'department', 'office', 'bureau', 'assembly', 'parliament', 'senate', 'court',
  'police', 'board', 'movement', 'front', 'brigade', 'battalion', 'corps', 'regiment', 'division', 'airlines',
  'airways', 'motors', 'industries', 'technologies', 'systems', 'media', 'news', 'times', 'post', 'tribune',
  'journal', 'herald', 'press', 'network', 'channel', 'exchange', 'fund', 'trust', 'society', 'club', 'secretariat',
  'directorate', 'cabinet', 'government', 'administration', 'service', 'services', 'centre', 'center', 'taliban',
  'tehreek', 'jamaat', 'lashkar', 'alliance', 'coalition', 'consortium', 'partners', 'capital', 'securities',
  'airport', 'hospital', 'school', 'academy', 'agency', 'tribunal', 'chamber', 'guard', 'guards', 'militia',
  'embassy', 'consulate', 'aerospace', 'airplanes', 'automotive', 'petroleum', 'pharmaceuticals',
  'electronics', 'communications', 'entertainment', 'studios', 'laboratories', 'enterprises', 'ventures', 'investments',
];

/** Head words that end a place name ("Balochistan province", "Khyber district", "Red Sea"). */
export const LOCATION_SUFFIXES: readonly string[] = [
  'province', 'district', 'city', 'county', 'state', 'region', 'valley', 'river', 'sea', 'ocean', 'gulf', 'bay',
  'island', 'islands', 'mountains', 'mountain', 'hills', 'lake', 'desert', 'peninsula', 'strait', 'canal', 'border',
  'street', 'road', 'avenue', 'square', 'town', 'village', 'agency', 'tehsil', 'division', 'territory', 'coast',
];

/** Lower-case words that may sit inside a name (`Bank of America`, `Anwaar-ul-Haq`, `Osama bin Laden`). */
export const NAME_CONNECTORS: readonly string[] = [
  'of', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'al', 'el',
  'bin', 'ibn', 'bint', 'ul', 'ud', 'ur', 'e', 'i', 'y', 'and', '&', 'for', 'the', 'on', 'upon', 'au', 'des', 'zu', 'ten', 'ter',
];

/** Head words that end the name of an event, index, law or programme: miscellaneous ("Dow Jones Industrial Average", "Paris Air Show"). */
export const MISC_SUFFIXES: readonly string[] = [
  'index', 'average', 'composite', 'award', 'awards', 'prize', 'cup', 'championship', 'championships', 'games',
  'olympics', 'war', 'summit', 'conference', 'festival', 'show', 'expo', 'act', 'treaty', 'accord', 'agreement',
  'convention', 'protocol', 'declaration', 'doctrine', 'initiative', 'operation', 'campaign', 'revolution', 'crisis',
  'tournament', 'series', 'marathon', 'election', 'elections', 'bill', 'charter', 'resolution',
];
