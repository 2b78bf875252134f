namespace NestPortal.Development.SampleData;

/// <summary>
/// Where the refugees of the sample data come from, as in NesT's admissions (UNHCR resettlement):
/// nationality, countries of first refuge (ISO 3166-1 alpha-2) and names usual there.
/// </summary>
public sealed record Origin(string NationalityCode, string[] FirstRefugeCodes, string[] MaleNames, string[] FemaleNames, string[] FamilyNames)
{
    public static readonly IReadOnlyList<Origin> All =
    [
        new("SY", ["LB", "JO", "TR", "EG"],
            ["Ahmad", "Mohammad", "Khaled", "Omar", "Yusuf", "Rami", "Samer", "Bashar", "Hassan", "Ali"],
            ["Fatima", "Aya", "Lina", "Rania", "Nour", "Hiba", "Salma", "Amal", "Dima", "Reem"],
            ["Haddad", "Al-Hamwi", "Khalil", "Darwish", "Suleiman", "Al-Ahmad", "Hamdan", "Nasser", "Kassab", "Mansour"]),
        new("AF", ["PK", "TR", "IR"],
            ["Farid", "Hamid", "Jawad", "Mustafa", "Navid", "Rahim", "Sohrab", "Wahid", "Zabiullah", "Ahmad"],
            ["Farzana", "Gulalai", "Laila", "Mariam", "Nargis", "Parwana", "Shabnam", "Zahra", "Mina", "Soraya"],
            ["Ahmadi", "Hashimi", "Karimi", "Mohammadi", "Noori", "Rahimi", "Sadat", "Safi", "Stanekzai", "Wardak"]),
        new("ER", ["ET", "SD", "EG"],
            ["Yonas", "Dawit", "Tesfay", "Michael", "Samuel", "Berhane", "Filmon", "Habtom", "Kidane", "Mehari"],
            ["Helen", "Selam", "Senait", "Tsega", "Winta", "Yohana", "Rahel", "Mebrat", "Luwam", "Saba"],
            ["Tesfamariam", "Gebremedhin", "Haile", "Tekle", "Woldu", "Berhe", "Asmerom", "Ghebreyesus", "Habte", "Kahsay"]),
        new("SD", ["EG", "ET", "TD"],
            ["Mohamed", "Abdelrahman", "Osman", "Hamza", "Adam", "Ibrahim", "Mustafa", "Yasir"],
            ["Amna", "Fatima", "Hawa", "Khadija", "Maryam", "Sara", "Zainab", "Huda"],
            ["Abdalla", "Osman", "Ahmed", "Ibrahim", "Elamin", "Babiker", "Hamid", "Mohamed"]),
        new("SS", ["KE", "UG", "ET"],
            ["Deng", "Garang", "John", "Majok", "Mabior", "Peter", "James", "Lual"],
            ["Achol", "Nyandeng", "Abuk", "Mary", "Rebecca", "Grace", "Ayen", "Nyibol"],
            ["Deng", "Garang", "Akol", "Majak", "Kuol", "Mayen", "Lado", "Wani"]),
        new("SO", ["KE", "ET"],
            ["Abdi", "Ahmed", "Hassan", "Mohamed", "Abdirahman", "Farah", "Omar", "Yusuf"],
            ["Amina", "Fadumo", "Hodan", "Ifrah", "Sahra", "Deqa", "Hamdi", "Ayan"],
            ["Abdi", "Ali", "Farah", "Hassan", "Jama", "Mohamed", "Nur", "Warsame"]),
        new("IQ", ["JO", "TR", "LB"],
            ["Ali", "Haidar", "Mustafa", "Karim", "Faris", "Sami", "Nawaf", "Salah"],
            ["Zainab", "Shirin", "Layla", "Noor", "Jwan", "Rana", "Sana", "Dalia"],
            ["Al-Jabouri", "Khudeda", "Saleh", "Murad", "Hussein", "Al-Obaidi", "Qasim", "Haji"]),
        new("CD", ["UG", "RW", "BI"],
            ["Jean", "Patrick", "Emmanuel", "Christian", "Joseph", "Pascal", "Didier", "Olivier"],
            ["Grace", "Esther", "Aline", "Chantal", "Divine", "Josephine", "Nadine", "Ruth"],
            ["Mukendi", "Ilunga", "Kasongo", "Mbuyi", "Tshibangu", "Lukusa", "Mulamba", "Kabongo"]),
    ];

    public static Origin ByNationality(string code) => All.Single(o => o.NationalityCode == code);
}
